namespace MediaGen.Durable.Hosting;

/// <summary>Settings of MediaGen's durable runtime (section <c>Durable</c>).</summary>
public sealed class DurableRuntimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Durable";

    /// <summary>Task hub name: prefixes every queue and container (lowercase letters, digits, 3–40 characters). Default <c>mediagen</c>.</summary>
    public string HubName { get; set; } = "mediagen";

    /// <summary>Storage backend. Default <see cref="DurableBackend.AzureStorage"/>.</summary>
    public DurableBackend Backend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>Name of the setting holding the storage connection string. Default <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>Control-queue partitions; the unit of work sharing between processes. Fixed for the life of a hub. Default 4 (1–16).</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Identity of this worker. Empty (default): machine name, process id and a random suffix. A restarted process with the same id takes its partitions back at once.</summary>
    public string WorkerId { get; set; } = "";

    /// <summary>Orchestration episodes run at once by this process. Default 100.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>Activities run at once by this process. Default 32.</summary>
    public int MaxConcurrentActivities { get; set; } = 32;

    /// <summary>Deliveries of one message before it is dead-lettered and its instance failed. Default 5.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays hidden from other workers (renewed while an activity runs). Default 1 minute.</summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Partition lease duration (15–60 s). Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are renewed and partitions rebalanced (under a third of the lease duration). Default 8 s.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Longest wait between polls of an empty queue. Default 1 s.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay one queue message can carry; a longer durable timer is re-armed when it comes up. Default 6 days (queues allow 7).</summary>
    public TimeSpan MaxTimerDelay { get; set; } = TimeSpan.FromDays(6);

    /// <summary>Instance states kept in memory per process while their partition is owned. Default 10000.</summary>
    public int InstanceCacheSize { get; set; } = 10_000;
}
