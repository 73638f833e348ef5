using MediaGen.Durable.Runtime;

namespace MediaGen.Durable.Storage.InMemory;

/// <summary>A queue in memory with Azure Storage's visibility semantics, on the storage's clock.</summary>
internal sealed class InMemoryQueue(string name, TimeProvider clock) : IMessageQueue
{
    private readonly List<Entry> _entries = [];
    private readonly AsyncSignal _signal = new();
    private long _nextId;

    public string Name => name;

    /// <summary>No message is visible and none is being processed.</summary>
    public bool IsIdle
    {
        get
        {
            var now = clock.GetUtcNow();
            lock (_entries)
            {
                return _entries.All(e => e.VisibleAt > now && e.PopReceipt is null);
            }
        }
    }

    /// <summary>When the next hidden message becomes visible.</summary>
    public DateTimeOffset? NextVisibleAt
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count == 0 ? null : _entries.Min(e => e.VisibleAt);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public void Wake() => _signal.Set();

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendAsync(string body, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries.Add(new Entry((++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), body, clock.GetUtcNow() + visibilityDelay));
        }

        _signal.Set();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueueItem>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = new List<QueueItem>();
        lock (_entries)
        {
            foreach (var entry in _entries.Where(e => e.VisibleAt <= now).Take(maxMessages))
            {
                entry.VisibleAt = now + visibilityTimeout;
                entry.PopReceipt = Guid.NewGuid().ToString("N");
                entry.DequeueCount++;
                items.Add(new QueueItem(entry.Id, entry.PopReceipt, entry.DequeueCount, entry.Body));
            }
        }

        return Task.FromResult<IReadOnlyList<QueueItem>>(items);
    }

    public Task DeleteAsync(QueueItem item, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries.RemoveAll(e => e.Id == item.MessageId && e.PopReceipt == item.PopReceipt);
        }

        return Task.CompletedTask;
    }

    public Task<QueueItem?> UpdateVisibilityAsync(QueueItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        QueueItem? updated = null;
        lock (_entries)
        {
            var entry = _entries.Find(e => e.Id == item.MessageId && e.PopReceipt == item.PopReceipt);
            if (entry is not null)
            {
                entry.VisibleAt = clock.GetUtcNow() + visibilityTimeout;
                entry.PopReceipt = visibilityTimeout == TimeSpan.Zero ? null : Guid.NewGuid().ToString("N");
                updated = item with { PopReceipt = entry.PopReceipt ?? "" };
            }
        }

        if (visibilityTimeout == TimeSpan.Zero)
        {
            _signal.Set();
        }

        return Task.FromResult(updated);
    }

    public Task WaitForMessagesAsync(TimeSpan maxWait, CancellationToken cancellationToken) => _signal.WaitAsync(maxWait, cancellationToken);

    private sealed class Entry(string id, string body, DateTimeOffset visibleAt)
    {
        public string Id { get; } = id;

        public string Body { get; } = body;

        public DateTimeOffset VisibleAt { get; set; } = visibleAt;

        public string? PopReceipt { get; set; }

        public long DequeueCount { get; set; }
    }
}
