namespace MediaGen.Durable.Storage;

/// <summary>Where a task hub keeps its queues and blobs (Azure Storage, or memory).</summary>
public interface IDurableStorage
{
    /// <summary>The largest message body a queue takes; larger messages go to a blob by reference.</summary>
    int MaxMessageLength { get; }

    /// <summary>The longest visibility delay a queue takes; longer timers are re-armed when they come up.</summary>
    TimeSpan MaxVisibilityDelay { get; }

    /// <summary>The queue with this name (the same object for the same name).</summary>
    IMessageQueue GetQueue(string name);

    /// <summary>The blob container with this name.</summary>
    IBlobStore GetBlobStore(string containerName);
}
