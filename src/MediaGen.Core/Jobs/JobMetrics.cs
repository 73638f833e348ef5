namespace MediaGen.Core.Jobs;

/// <summary>
/// Where a finished job's time went, in seconds (rounded to milliseconds), measured in orchestration time and from what
/// its activities report. <c>queuedSeconds</c>, <c>providerSeconds</c> and <c>copySeconds</c> are disjoint parts of
/// <c>totalSeconds</c> (never more than it); the rest is the engine's own scheduling.
/// </summary>
/// <param name="QueuedSeconds">From acceptance to the first provider call (the whole job when none was made).</param>
/// <param name="ProviderSeconds">In provider calls: from each step's first call to the provider's final answer, retries and Pixazo's own queue included.</param>
/// <param name="CopySeconds">Storing the media into Blob Storage.</param>
/// <param name="TotalSeconds">From acceptance to the end of the work (before the completion notifications).</param>
/// <param name="ProviderProcessingSeconds">Pixazo: its own <c>completed_at − created_at</c> of the request that ended the job, when it reports both; null otherwise.</param>
public sealed record JobMetrics(
    double QueuedSeconds,
    double ProviderSeconds,
    double CopySeconds,
    double TotalSeconds,
    double? ProviderProcessingSeconds = null);
