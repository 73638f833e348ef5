namespace MediaGen.Workflows.Payloads;

/// <summary>
/// The retry, polling and batching settings one job runs with, captured from configuration when it starts and kept in
/// its input, so replays always see the same values.
/// </summary>
public sealed record JobPolicy(
    int ProviderMaxAttempts,
    TimeSpan ProviderRetryInterval,
    TimeSpan ProviderMaxRetryInterval,
    int CopyMaxAttempts,
    TimeSpan CopyRetryInterval,
    TimeSpan PollInitialInterval,
    TimeSpan PollMaxInterval,
    double PollBackoffCoefficient,
    int MaxConsecutivePollFailures,
    int MaxPixazoSubmissions,
    int CallbackMaxAttempts,
    TimeSpan CallbackFirstRetryInterval,
    TimeSpan CallbackMaxRetryInterval,
    int BatchChunkSize,
    int BatchConcurrency,
    TimeSpan JobTimeout,
    int PollsPerGeneration)
{
    /// <summary>The policy the current settings give.</summary>
    public static JobPolicy From(WorkflowOptions workflows, CallbackOptions callbacks)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(callbacks);
        return new JobPolicy(
            workflows.ProviderMaxAttempts, workflows.ProviderRetryInterval, workflows.ProviderMaxRetryInterval,
            workflows.CopyMaxAttempts, workflows.CopyRetryInterval,
            workflows.PollInitialInterval, workflows.PollMaxInterval, workflows.PollBackoffCoefficient,
            workflows.MaxConsecutivePollFailures, workflows.MaxPixazoSubmissions,
            Math.Max(1, callbacks.MaxAttempts), callbacks.FirstRetryInterval, callbacks.MaxRetryInterval,
            workflows.BatchChunkSize, workflows.BatchConcurrency,
            workflows.DefaultJobTimeout, workflows.PollsPerGeneration);
    }
}
