namespace MediaGen.Workflows;

/// <summary>Maps orchestration instances onto the job states callers see.</summary>
internal static class JobStates
{
    /// <summary>The job state of a job or chain instance (read with inputs and outputs).</summary>
    public static JobState From(OrchestrationMetadata instance)
    {
        var hasInput = !string.IsNullOrEmpty(instance.SerializedInput);
        var isChain = instance.Name == nameof(ChainOrchestrator);
        var job = hasInput && !isChain ? instance.ReadInputAs<JobInput>() : null;
        var (kind, provider) = isChain
            ? (JobKind.VideoExtension, ProviderName.Cosmic)
            : job is not null ? (job.Request.Kind, job.Request.Provider) : (JobKind.Image, ProviderName.Cosmic);
        var owner = isChain ? (hasInput ? instance.ReadInputAs<ChainInput>()?.Owner : null) : job?.Owner;
        var (status, result, error) = Outcome(instance);
        return new JobState(
            instance.InstanceId, kind, provider, status, ParseJson(instance.SerializedCustomStatus), instance.CreatedAt, instance.LastUpdatedAt, result, error, CostOf(instance),
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && !string.IsNullOrEmpty(instance.SerializedOutput)
                ? instance.ReadOutputAs<JobOutcome>()?.Providers
                : null,
            owner);
    }

    /// <summary>
    /// The cost of a job or chain instance: the outcome's (estimate and actual) once it ended, else the estimate its input
    /// carries; null when the instance was read without its input and output, or predates costs.
    /// </summary>
    public static JobCost? CostOf(OrchestrationMetadata instance)
    {
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && !string.IsNullOrEmpty(instance.SerializedOutput)
            && instance.ReadOutputAs<JobOutcome>() is { Cost: { } cost })
        {
            return cost;
        }

        if (string.IsNullOrEmpty(instance.SerializedInput))
        {
            return null;
        }

        return instance.Name == nameof(ChainOrchestrator) ? instance.ReadInputAs<ChainInput>()?.Cost : instance.ReadInputAs<JobInput>()?.Cost;
    }

    /// <summary>Where an instance stands, and what it produced.</summary>
    public static (JobStatus Status, JobResult? Result, JobError? Error) Outcome(OrchestrationMetadata instance) => instance.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Pending => (JobStatus.Pending, null, null),
        OrchestrationRuntimeStatus.Completed => instance.ReadOutputAs<JobOutcome>() is { } outcome
            ? (outcome.Status, outcome.Result, outcome.Error)
            : (JobStatus.Failed, null, new JobError(JobErrorCodes.InternalError, "The job ended without an outcome.")),
        OrchestrationRuntimeStatus.Failed => (JobStatus.Failed, null,
            new JobError(JobErrorCodes.InternalError, instance.FailureDetails?.ErrorMessage ?? "The job failed.")),
        OrchestrationRuntimeStatus.Terminated => (JobStatus.Canceled, null, new JobError(JobErrorCodes.Canceled, TerminationReason(instance))),
        _ => (JobStatus.Running, null, null),
    };

    /// <summary>The runtime statuses a job status can come from (Completed covers every outcome; filter those afterwards).</summary>
    public static IEnumerable<OrchestrationRuntimeStatus> RuntimeStatusesOf(JobStatus status) => status switch
    {
        JobStatus.Pending => [OrchestrationRuntimeStatus.Pending],
        JobStatus.Running => [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
        JobStatus.Canceled => [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated],
        JobStatus.Failed => [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed],
        _ => [OrchestrationRuntimeStatus.Completed],
    };

    private static string TerminationReason(OrchestrationMetadata instance)
    {
        try
        {
            return instance.ReadOutputAs<string>() is { Length: > 0 } reason ? reason : "The job was terminated.";
        }
        catch (JsonException)
        {
            return "The job was terminated.";
        }
    }

    private static JsonElement? ParseJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
