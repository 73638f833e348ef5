namespace MediaGen.Workflows.Orchestrations;

/// <summary>Which orchestrator runs a job, and which orchestrators run jobs at all.</summary>
public static class JobOrchestrators
{
    /// <summary>The names of the orchestrators whose instances are single jobs (or chains) the job API reads.</summary>
    public static IReadOnlySet<string> JobNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(SyncGenerationOrchestrator), nameof(PixazoGenerationOrchestrator), nameof(ChainOrchestrator), nameof(FailoverOrchestrator),
    };

    /// <summary>
    /// The orchestrator of a job request: a job with fallbacks tries its providers one by one; otherwise the kind's flow
    /// (<see cref="ProviderKind.Flow"/>) decides: submitted and waited for (Pixazo: webhook or poll), or one synchronous call.
    /// </summary>
    public static string For(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Fallbacks is { Count: > 0 })
        {
            return nameof(FailoverOrchestrator);
        }

        return ProviderRegistry.Of(request).Flow switch
        {
            GenerationFlow.SubmitAndWait => nameof(PixazoGenerationOrchestrator),
            _ => nameof(SyncGenerationOrchestrator),
        };
    }
}
