using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace MediaGen.Durable.Storage.Azure;

/// <summary>Task hub storage on an Azure Storage account (or Azurite): queues and blobs only, no tables.</summary>
public sealed class AzureDurableStorage : IDurableStorage
{
    private readonly QueueServiceClient _queues;
    private readonly BlobServiceClient _blobs;
    private readonly ConcurrentDictionary<string, AzureMessageQueue> _queueCache = new(StringComparer.Ordinal);

    /// <summary>Creates the storage from a connection string.</summary>
    public AzureDurableStorage(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _queues = new QueueServiceClient(connectionString);
        _blobs = new BlobServiceClient(connectionString);
    }

    /// <inheritdoc />
    public int MaxMessageLength => 64 * 1024;

    /// <inheritdoc />
    public TimeSpan MaxVisibilityDelay => TimeSpan.FromDays(7);

    /// <inheritdoc />
    public IMessageQueue GetQueue(string name) => _queueCache.GetOrAdd(name, n => new AzureMessageQueue(_queues.GetQueueClient(n)));

    /// <inheritdoc />
    public IBlobStore GetBlobStore(string containerName) => new AzureBlobStore(_blobs.GetBlobContainerClient(containerName));
}
