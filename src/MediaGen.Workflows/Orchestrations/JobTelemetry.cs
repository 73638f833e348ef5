namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Spans and metrics recorded from orchestrator code: only while the orchestration is not replaying, so each is recorded
/// once per execution, and only from data the orchestration already has (the trace context rides in its input; the
/// current span is never read, which would not be deterministic).
/// </summary>
internal static class JobTelemetry
{
    /// <summary>A job's first execution: an <c>orchestration {name}</c> span in the job's trace, jobs.started, in_flight + 1.</summary>
    public static void Started(TaskOrchestrationContext context, string orchestrator, ProviderName provider, JobKind kind, string? traceParent)
    {
        if (context.IsReplaying)
        {
            return;
        }

        var tags = MetricTags(provider, kind);
        MediaGenTelemetry.JobsStarted.Add(1, tags);
        MediaGenTelemetry.JobsInFlight.Add(1, tags);
        using var span = MediaGenTelemetry.StartSpan("orchestration " + orchestrator, ActivityKind.Consumer, traceParent);
        Tag(span, context.InstanceId, provider, kind);
    }

    /// <summary>A job's end: jobs.completed, or jobs.failed with the error type (<c>canceled</c> for a cancel); in_flight − 1.</summary>
    public static void Ended(TaskOrchestrationContext context, ProviderName provider, JobKind kind, JobOutcome outcome)
    {
        if (context.IsReplaying)
        {
            return;
        }

        var tags = MetricTags(provider, kind);
        MediaGenTelemetry.JobsInFlight.Add(-1, tags);
        if (outcome.Status == JobStatus.Completed)
        {
            MediaGenTelemetry.JobsCompleted.Add(1, tags);
            return;
        }

        var errorType = outcome.Error?.Type ?? (outcome.Status == JobStatus.Canceled ? JobErrorCodes.Canceled : "unknown");
        MediaGenTelemetry.JobsFailed.Add(1, [.. tags, new(MediaGenTelemetry.ErrorTypeMetricTag, errorType)]);
    }

    /// <summary>A status Pixazo pushed (webhook) or that a poll saw as final: a short span in the job's trace.</summary>
    public static void PixazoReport(TaskOrchestrationContext context, string name, string? traceParent, PixazoStatusReport report, JobKind kind)
    {
        if (context.IsReplaying || !MediaGenTelemetry.Source.HasListeners())
        {
            return;
        }

        using var span = MediaGenTelemetry.StartSpan(name, ActivityKind.Consumer, traceParent);
        Tag(span, context.InstanceId, ProviderName.Pixazo, kind);
        span?.SetTag(MediaGenTelemetry.ProviderRequestIdTag, report.RequestId);
        span?.SetTag("mediagen.provider.status", report.Status.ToString().ToUpperInvariant());
    }

    /// <summary>How long Pixazo took from submission to its final status (orchestration times).</summary>
    public static void PixazoGenerated(TaskOrchestrationContext context, JobKind kind, DateTime? submittedAt)
    {
        if (context.IsReplaying || submittedAt is not { } from || !MediaGenTelemetry.GenerationDuration.Enabled)
        {
            return;
        }

        MediaGenTelemetry.GenerationDuration.Record((context.CurrentUtcDateTime - from).TotalSeconds, MetricTags(ProviderName.Pixazo, kind));
    }

    private static void Tag(Activity? span, string jobId, ProviderName provider, JobKind kind)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.JobIdTag, jobId);
            span.SetTag(MediaGenTelemetry.ProviderTag, JobRequestReader.ProviderText(provider));
            span.SetTag(MediaGenTelemetry.JobKindTag, JobRequestReader.KindText(kind));
        }
    }

    private static KeyValuePair<string, object?>[] MetricTags(ProviderName provider, JobKind kind) =>
    [
        new(MediaGenTelemetry.ProviderMetricTag, JobRequestReader.ProviderText(provider)),
        new(MediaGenTelemetry.KindMetricTag, JobRequestReader.KindText(kind)),
    ];
}
