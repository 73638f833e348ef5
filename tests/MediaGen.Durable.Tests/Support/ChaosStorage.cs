using MediaGen.Durable.Storage;

namespace MediaGen.Durable.Tests.Support;

/// <summary>
/// Storage whose queues misbehave as much as Azure Storage is allowed to: every message is delivered
/// twice (the copy up to a second later) and received batches come back shuffled.
/// </summary>
internal sealed class ChaosStorage(IDurableStorage inner) : IDurableStorage
{
    public int MaxMessageLength => inner.MaxMessageLength;

    public TimeSpan MaxVisibilityDelay => inner.MaxVisibilityDelay;

    public int DuplicatesSent => Volatile.Read(ref _duplicates);

    private int _duplicates;

    public IMessageQueue GetQueue(string name) => new ChaosQueue(inner.GetQueue(name), this);

    public IBlobStore GetBlobStore(string containerName) => inner.GetBlobStore(containerName);

    private sealed class ChaosQueue(IMessageQueue queue, ChaosStorage owner) : IMessageQueue
    {
        public string Name => queue.Name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => queue.CreateIfNotExistsAsync(cancellationToken);

        public async Task SendAsync(string body, TimeSpan visibilityDelay, CancellationToken cancellationToken)
        {
            await queue.SendAsync(body, visibilityDelay, cancellationToken);
            await queue.SendAsync(body, visibilityDelay + TimeSpan.FromSeconds(Random.Shared.Next(0, 2)), cancellationToken);
            Interlocked.Increment(ref owner._duplicates);
        }

        public async Task<IReadOnlyList<QueueItem>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
        {
            var items = (await queue.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken)).ToArray();
            Random.Shared.Shuffle(items);
            return items;
        }

        public Task DeleteAsync(QueueItem item, CancellationToken cancellationToken) => queue.DeleteAsync(item, cancellationToken);

        public Task<QueueItem?> UpdateVisibilityAsync(QueueItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
            queue.UpdateVisibilityAsync(item, visibilityTimeout, cancellationToken);

        public Task WaitForMessagesAsync(TimeSpan maxWait, CancellationToken cancellationToken) => queue.WaitForMessagesAsync(maxWait, cancellationToken);
    }
}
