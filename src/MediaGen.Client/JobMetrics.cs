namespace MediaGen.Client;

/// <summary>Where a finished job's time went, in seconds; the parts never add up to more than the total.</summary>
/// <param name="QueuedSeconds">From acceptance to the first provider call.</param>
/// <param name="ProviderSeconds">In provider calls, retries and the provider's own queue included.</param>
/// <param name="CopySeconds">Storing the media.</param>
/// <param name="TotalSeconds">From acceptance to the end of the work.</param>
public sealed record JobMetrics(double QueuedSeconds, double ProviderSeconds, double CopySeconds, double TotalSeconds)
{
    /// <summary>Pixazo: its own processing time, when it reports one.</summary>
    public double? ProviderProcessingSeconds { get; init; }
}
