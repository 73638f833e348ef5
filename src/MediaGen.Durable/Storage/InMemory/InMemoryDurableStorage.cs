using System.Collections.Concurrent;

namespace MediaGen.Durable.Storage.InMemory;

/// <summary>
/// Task hub storage in memory, for fast tests of orchestrations: the same runtime, the same semantics,
/// on a clock the test controls. Share one instance between hosts to simulate a restart.
/// </summary>
public sealed class InMemoryDurableStorage : IDurableStorage
{
    private readonly ConcurrentDictionary<string, InMemoryQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InMemoryBlobStore> _containers = new(StringComparer.Ordinal);

    /// <summary>Creates the storage on <paramref name="clock"/> (default: the system clock).</summary>
    public InMemoryDurableStorage(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        if (Clock is ManualTimeProvider manual)
        {
            manual.Advanced += () =>
            {
                foreach (var queue in _queues.Values)
                {
                    queue.Wake();
                }
            };
        }
    }

    /// <summary>The clock message visibility (and so durable timers) follows.</summary>
    public TimeProvider Clock { get; }

    /// <inheritdoc />
    public int MaxMessageLength => 64 * 1024;

    /// <inheritdoc />
    public TimeSpan MaxVisibilityDelay => TimeSpan.FromDays(7);

    /// <summary>True when no message is visible and none is being processed: only timers are pending.</summary>
    public bool IsIdle => _queues.Values.All(queue => queue.IsIdle);

    /// <summary>When the next pending (delayed) message becomes visible, if any.</summary>
    public DateTimeOffset? NextDueAt => _queues.Values.Select(q => q.NextVisibleAt).Where(t => t is not null).Min();

    /// <summary>How many messages a queue holds (for tests).</summary>
    public int CountMessages(string queueName) => _queues.TryGetValue(queueName, out var queue) ? queue.Count : 0;

    /// <inheritdoc />
    public IMessageQueue GetQueue(string name) => _queues.GetOrAdd(name, n => new InMemoryQueue(n, Clock));

    /// <inheritdoc />
    public IBlobStore GetBlobStore(string containerName) => _containers.GetOrAdd(containerName, _ => new InMemoryBlobStore());
}
