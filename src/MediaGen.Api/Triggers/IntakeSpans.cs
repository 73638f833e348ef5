using System.Diagnostics;
using MediaGen.Core.Telemetry;

namespace MediaGen.Api.Triggers;

/// <summary>The Consumer spans a job's trace starts with when a queue message or an inbox blob starts it (both hosts).</summary>
public static class IntakeSpans
{
    /// <summary>A <c>queue message</c> span; null when nobody listens.</summary>
    public static Activity? QueueMessage(string messageId)
    {
        var span = MediaGenTelemetry.StartSpan("queue message", ActivityKind.Consumer);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.TriggerTag, "queue");
            span.SetTag("messaging.system", "azure_storage_queues");
            span.SetTag("messaging.message.id", messageId);
        }

        return span;
    }

    /// <summary>An <c>inbox blob</c> span (the container is named; the blob name is the caller's and is left out); null when nobody listens.</summary>
    public static Activity? InboxBlob(string container)
    {
        var span = MediaGenTelemetry.StartSpan("inbox blob", ActivityKind.Consumer);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.TriggerTag, "blob");
            span.SetTag("mediagen.inbox.container", container);
        }

        return span;
    }

    /// <summary>Records the job the trigger started, or marks the span failed when the input was invalid.</summary>
    public static void Started(Activity? span, string? jobId)
    {
        if (jobId is null)
        {
            MediaGenTelemetry.Fail(span, JobErrorCodes.InvalidRequest);
        }
        else
        {
            span?.SetTag(MediaGenTelemetry.JobIdTag, jobId);
        }
    }
}
