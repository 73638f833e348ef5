namespace MediaGen.Engine;

/// <summary>Turns <see cref="DurableEngineOptions"/> into the Azure Storage backend's settings.</summary>
internal static class AzureStorageSettingsFactory
{
    public static AzureStorageOrchestrationServiceSettings Create(
        DurableEngineOptions options, string connectionString, ILoggerFactory loggerFactory) =>
        Create(options, new StorageAccountClientProvider(connectionString), loggerFactory);

    /// <summary>The settings on <paramref name="account"/>: its connection string, or its endpoints with its Entra ID credential.</summary>
    public static AzureStorageOrchestrationServiceSettings Create(
        DurableEngineOptions options, StorageAccount account, ILoggerFactory loggerFactory) =>
        Create(options, account.ConnectionString is { } connectionString
            ? new StorageAccountClientProvider(connectionString)
            : new StorageAccountClientProvider(account.BlobServiceUri!, account.QueueServiceUri!, account.TableServiceUri!, account.Credential!), loggerFactory);

    private static AzureStorageOrchestrationServiceSettings Create(
        DurableEngineOptions options, StorageAccountClientProvider provider, ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = provider,
        TaskHubName = options.HubName,
        PartitionCount = options.PartitionCount,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
        LeaseInterval = options.PartitionLeaseInterval,
        PartitionTableOperationTimeout = options.PartitionTableTimeout,
        ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
        ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
        ControlQueueBatchSize = options.ControlQueueBatchSize,
        ControlQueueBufferThreshold = options.ControlQueueBufferThreshold,
        WorkerId = options.WorkerId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}",
        // A start whose id exists in a dedupe status must fail loudly (as Durable Functions configures it), not vanish.
        ThrowExceptionOnInvalidDedupeStatus = true,
        // The app lease serves blue/green swaps of Functions apps; here several host processes share the hub through
        // partition leases, and an app lease would stall a process with another app name for minutes.
        UseAppLease = false,
        // Tapped so the worker can tell when the backend left a session locked (SessionLeakDetector).
        LoggerFactory = SessionLeakDetector.Tap(loggerFactory),
    };
}
