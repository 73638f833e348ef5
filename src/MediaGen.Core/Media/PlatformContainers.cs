namespace MediaGen.Core.Media;

/// <summary>Blob containers the platforms MediaGen runs on keep their own state in: never a job's output (<see cref="MediaStoreOptions.Reserve"/>).</summary>
public static class PlatformContainers
{
    /// <summary>The Functions host's own (WebJobs SDK): <c>azure-webjobs-hosts</c> (locks, blob receipts) and <c>azure-webjobs-secrets</c> (function keys).</summary>
    public static IReadOnlyList<string> FunctionsHost { get; } = ["azure-webjobs-hosts", "azure-webjobs-secrets"];

    /// <summary>
    /// The containers of a task hub on the Azure Storage backend (the standalone engine's and Durable Functions'):
    /// DurableTask.AzureStorage names them after the lowercased hub name — <c>{hub}-leases</c> (partition leases),
    /// <c>{hub}-applease</c> (the app lease) and <c>{hub}-largemessages</c> (payloads too large for a queue message).
    /// </summary>
    public static IReadOnlyList<string> OfTaskHub(string hubName)
    {
        ArgumentException.ThrowIfNullOrEmpty(hubName);
        var hub = hubName.ToLowerInvariant();
        return [hub + "-leases", hub + "-applease", hub + "-largemessages"];
    }
}
