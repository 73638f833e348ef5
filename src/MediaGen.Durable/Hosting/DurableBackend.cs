namespace MediaGen.Durable.Hosting;

/// <summary>Where the task hub keeps its state.</summary>
public enum DurableBackend
{
    /// <summary>Azure Storage blobs and queues (Azurite locally).</summary>
    AzureStorage,

    /// <summary>Memory of this process: for tests; nothing survives a restart.</summary>
    InMemory,
}
