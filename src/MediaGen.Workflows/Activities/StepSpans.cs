namespace MediaGen.Workflows.Activities;

/// <summary>The span of one activity execution, parented on the job's trace context from the activity's input.</summary>
internal static class StepSpans
{
    /// <summary>Starts <c>activity {name}</c> in the job's trace; null when nobody listens.</summary>
    public static Activity? Start(string activity, TaskActivityContext context, StepTrace? trace, ProviderName? provider = null, JobKind? kind = null)
    {
        var span = MediaGenTelemetry.StartSpan("activity " + activity, ActivityKind.Internal, trace?.TraceParent);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.JobIdTag, context.InstanceId);
            span.SetTag(MediaGenTelemetry.AttemptTag, trace?.Attempt ?? 1);
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

    /// <summary>Marks the span failed with the failure's type, when there is a failure.</summary>
    public static void Fail(Activity? span, StepFailure? failure)
    {
        if (failure is not null)
        {
            MediaGenTelemetry.Fail(span, failure.Type);
        }
    }
}
