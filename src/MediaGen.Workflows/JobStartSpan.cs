namespace MediaGen.Workflows;

/// <summary>The <c>job start</c> span (Producer) whose context a start puts in the orchestration input, so the whole job is one trace.</summary>
internal static class JobStartSpan
{
    /// <summary>The span, tagged with the id, type and (for jobs) provider and kind; null when nobody listens.</summary>
    public static Activity? Start(string type, string id, ProviderName? provider = null, JobKind? kind = null)
    {
        var span = MediaGenTelemetry.StartSpan("job start", ActivityKind.Producer);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.JobIdTag, id);
            span.SetTag(MediaGenTelemetry.JobTypeTag, type);
            if (provider is { } p)
            {
                span.SetTag(MediaGenTelemetry.ProviderTag, JobRequestReader.ProviderText(p));
            }

            if (kind is { } k)
            {
                span.SetTag(MediaGenTelemetry.JobKindTag, JobRequestReader.KindText(k));
            }
        }

        return span;
    }

    /// <summary>The span's W3C context when it records; else the caller's current one (so an unsampled caller still propagates).</summary>
    public static string? TraceParentOf(Activity? span) =>
        span is { IdFormat: ActivityIdFormat.W3C } ? span.Id : MediaGenTelemetry.CurrentTraceParent();
}
