using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MediaGen.Core.Telemetry;

/// <summary>
/// MediaGen's one <see cref="ActivitySource"/> and one <see cref="Meter"/> (both named <see cref="Name"/>), the tag names
/// its spans and metrics use, and the helpers that carry a job's W3C trace context across the orchestration boundary.
/// Spans and metrics carry ids, kinds, providers, models, attempts and sizes — never prompts, keys, secrets or SAS tokens.
/// </summary>
public static class MediaGenTelemetry
{
    /// <summary>The name of the activity source and the meter; what exporters subscribe to.</summary>
    public const string Name = "MediaGen";

    /// <summary>The job, batch or chain id.</summary>
    public const string JobIdTag = "mediagen.job.id";

    /// <summary>The job kind (text, image, video, video-extension, audio).</summary>
    public const string JobKindTag = "mediagen.job.kind";

    /// <summary>The provider (cosmic, pixazo, comet).</summary>
    public const string ProviderTag = "mediagen.provider";

    /// <summary>The provider model.</summary>
    public const string ModelTag = "mediagen.model";

    /// <summary>The provider's own id of the generation (Pixazo request id, Cosmic media id).</summary>
    public const string ProviderRequestIdTag = "mediagen.provider.request_id";

    /// <summary>1-based attempt of an activity call within its step.</summary>
    public const string AttemptTag = "mediagen.attempt";

    /// <summary>Bytes stored by a blob upload.</summary>
    public const string BytesTag = "mediagen.bytes";

    /// <summary>Content type of stored media.</summary>
    public const string ContentTypeTag = "mediagen.content_type";

    /// <summary>Number of items of a batch.</summary>
    public const string ItemsTag = "mediagen.items";

    /// <summary>What a job, batch or chain is (<c>job</c>, <c>batch</c>, <c>chain</c>).</summary>
    public const string JobTypeTag = "mediagen.job.type";

    /// <summary>The trigger that started the work (http, queue, blob).</summary>
    public const string TriggerTag = "mediagen.trigger";

    /// <summary>The OpenTelemetry semantic-convention error type (a MediaGen error code such as <c>rate_limited</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The metric tag naming the error type (<c>rate_limited</c>, <c>timeout</c>, <c>canceled</c>…).</summary>
    public const string ErrorTypeMetricTag = "error_type";

    /// <summary>The metric tag naming the provider.</summary>
    public const string ProviderMetricTag = "provider";

    /// <summary>The metric tag naming the job kind.</summary>
    public const string KindMetricTag = "kind";

    /// <summary>MediaGen's spans.</summary>
    public static readonly ActivitySource Source = new(Name, typeof(MediaGenTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>MediaGen's metrics.</summary>
    public static readonly Meter Meter = new(Name, typeof(MediaGenTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Jobs whose orchestration started (tags provider, kind). Batch items and chains count as jobs.</summary>
    public static readonly Counter<long> JobsStarted = Meter.CreateCounter<long>("mediagen.jobs.started", "{job}", "Jobs whose orchestration started.");

    /// <summary>Jobs that ended completed (tags provider, kind).</summary>
    public static readonly Counter<long> JobsCompleted = Meter.CreateCounter<long>("mediagen.jobs.completed", "{job}", "Jobs that completed.");

    /// <summary>Jobs that ended failed or canceled (tags provider, kind, error_type).</summary>
    public static readonly Counter<long> JobsFailed = Meter.CreateCounter<long>("mediagen.jobs.failed", "{job}", "Jobs that failed or were canceled.");

    /// <summary>Jobs started and not yet ended (tags provider, kind); summed over every process that runs orchestrations.</summary>
    public static readonly UpDownCounter<long> JobsInFlight = Meter.CreateUpDownCounter<long>("mediagen.jobs.in_flight", "{job}", "Jobs started and not yet ended.");

    /// <summary>How long a provider took to deliver a generation (tags provider, kind), in seconds.</summary>
    public static readonly Histogram<double> GenerationDuration = Meter.CreateHistogram<double>(
        "mediagen.generation.duration", "s", "Time a provider took to deliver a generation (sync call; Pixazo submit to final status).");

    /// <summary>Copy throughput of stored media, in bytes per second (tag provider).</summary>
    public static readonly Histogram<double> CopyThroughput = Meter.CreateHistogram<double>(
        "mediagen.copy.throughput", "By/s", "Bytes per second a media copy or upload into Blob Storage achieved.");

    /// <summary>Provider call failures (tags provider, error_type).</summary>
    public static readonly Counter<long> ProviderErrors = Meter.CreateCounter<long>("mediagen.provider.errors", "{error}", "Provider call failures by error type.");

    /// <summary>The W3C <c>traceparent</c> of the current span, or null when there is none (or it is not W3C).</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts a span parented on <paramref name="traceParent"/> (a W3C <c>traceparent</c>, e.g. one carried in an
    /// orchestration or activity input); without a valid one, on the current span. When the current span belongs to
    /// another trace (e.g. the Functions worker's invocation span of an activity) the new span links to it. Null when
    /// nobody listens or the sampler drops it, so callers pay nothing then.
    /// </summary>
    public static Activity? StartSpan(string name, ActivityKind kind, string? traceParent = null)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
        {
            return Source.StartActivity(name, kind);
        }

        var links = Activity.Current is { } current && current.TraceId != parent.TraceId ? new[] { new ActivityLink(current.Context) } : null;
        return Source.StartActivity(name, kind, parent, links: links);
    }

    /// <summary>Marks <paramref name="activity"/> failed with an error type (no message: messages can quote provider text).</summary>
    public static void Fail(Activity? activity, string errorType)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ErrorTypeTag, errorType);
        activity.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>Marks <paramref name="activity"/> failed with an unexpected exception's type name (never its message).</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Fail(activity, exception.GetType().FullName ?? exception.GetType().Name);
    }

    /// <summary>Counts a provider failure.</summary>
    public static void RecordProviderError(string provider, string errorType) =>
        ProviderErrors.Add(1, new KeyValuePair<string, object?>(ProviderMetricTag, provider), new KeyValuePair<string, object?>(ErrorTypeMetricTag, errorType));
}
