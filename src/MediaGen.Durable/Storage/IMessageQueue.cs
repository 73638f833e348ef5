namespace MediaGen.Durable.Storage;

/// <summary>
/// The queue operations the runtime needs: at-least-once delivery with a visibility timeout, as Azure
/// Storage queues provide. Messages never expire.
/// </summary>
public interface IMessageQueue
{
    /// <summary>The queue name.</summary>
    string Name { get; }

    /// <summary>Creates the queue when it does not exist.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);

    /// <summary>Sends a message that becomes visible after <paramref name="visibilityDelay"/> (at most the queue's limit).</summary>
    Task SendAsync(string body, TimeSpan visibilityDelay, CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueItem>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Deletes a received message; a message already gone (or received again by someone else) is not an error.</summary>
    Task DeleteAsync(QueueItem item, CancellationToken cancellationToken);

    /// <summary>Hides a received message for <paramref name="visibilityTimeout"/> from now; null when it is gone or was received again.</summary>
    Task<QueueItem?> UpdateVisibilityAsync(QueueItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Waits until a message may be available (something was sent from this process) or <paramref name="maxWait"/> passes.</summary>
    Task WaitForMessagesAsync(TimeSpan maxWait, CancellationToken cancellationToken);
}
