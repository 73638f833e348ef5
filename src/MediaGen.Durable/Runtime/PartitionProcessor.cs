using System.Text.Json;
using MediaGen.Durable.Storage;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Processes one owned partition: receives its control queue in batches, groups messages by instance,
/// and runs one episode per instance at a time, with every message that arrived meanwhile. Instance
/// states are cached while the partition is owned, so a warm episode costs one blob write.
/// </summary>
internal sealed partial class PartitionProcessor
{
    private const int MaxPendingMessages = 1024;
    private readonly WorkerServices _services;
    private readonly IMessageQueue _queue;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly InstanceCache _cache;
    private readonly List<Task> _running = [];
    private Task _loop = Task.CompletedTask;
    private int _pendingCount;

    public PartitionProcessor(int partition, WorkerServices services)
    {
        Partition = partition;
        _services = services;
        _queue = services.Hub.Control(partition);
        _logger = services.LoggerFactory.CreateLogger<PartitionProcessor>();
        _cache = new InstanceCache(Math.Max(16, services.Options.InstanceCacheSize / services.Hub.PartitionCount));
    }

    public int Partition { get; }

    public void Start() => _loop = Task.Run(() => ReceiveLoopAsync(_stopping.Token));

    /// <summary>Stops receiving, lets running episodes finish, and hands unprocessed messages back to the queue.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Task[] running;
        lock (_sessions)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        List<Pending> leftovers;
        lock (_sessions)
        {
            leftovers = [.. _sessions.Values.SelectMany(s => s.Pending)];
            _sessions.Clear();
        }

        foreach (var item in leftovers.Select(p => p.Item).OfType<QueueItem>())
        {
            await _queue.UpdateVisibilityAsync(item, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Hands a message to this partition without a queue (an activity result); false when the partition is stopping.</summary>
    public bool TryDeliver(WorkMessage message, Func<CancellationToken, Task> acknowledge) =>
        !_stopping.IsCancellationRequested && Enqueue(new Pending(message, acknowledge, null));

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(10);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (Volatile.Read(ref _pendingCount) >= MaxPendingMessages)
                {
                    await Task.Delay(20, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var items = await _queue.ReceiveAsync(32, _services.Options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
                if (items.Count == 0)
                {
                    await _queue.WaitForMessagesAsync(idle, cancellationToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _services.Options.MaxPollingInterval.Ticks));
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(10);
                await Task.WhenAll(items.Select(item => AcceptAsync(item, cancellationToken))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException ex)
            {
                LogStorageError(_logger, ex, Partition);
                await Task.Delay(_services.Options.MaxPollingInterval, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task AcceptAsync(QueueItem item, CancellationToken cancellationToken)
    {
        var options = _services.Options;
        WorkMessage? message;
        string? payloadBlob;
        try
        {
            (message, payloadBlob) = await _services.Codec.ReadAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            if (item.DequeueCount < options.MaxDequeueCount)
            {
                LogUnreadable(_logger, ex, item.MessageId, item.DequeueCount);
                await _queue.UpdateVisibilityAsync(item, WorkerServices.RetryBackoff(item.DequeueCount), cancellationToken).ConfigureAwait(false);
                return;
            }

            var instanceId = MessageCodec.TryReadInstanceId(item.Body);
            LogDeadLettered(_logger, item.MessageId, item.DequeueCount, instanceId);
            if (instanceId is null)
            {
                await PoisonMessages.DeadLetterAsync(_services.Hub, _queue, item, cancellationToken).ConfigureAwait(false);
                return;
            }

            // The instance is failed first, and the message dead-lettered once that is stored.
            await RouteAsync(new Pending(
                PoisonMessages.FailureFor(instanceId, item, "it could not be read: " + ex.Message),
                ct => PoisonMessages.DeadLetterAsync(_services.Hub, _queue, item, ct),
                item), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message is null)
        {
            await _queue.DeleteAsync(item, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (item.DequeueCount > options.MaxDequeueCount)
        {
            LogDeadLettered(_logger, item.MessageId, item.DequeueCount, message.InstanceId);
            await RouteAsync(new Pending(
                PoisonMessages.FailureFor(message.InstanceId, item, "processing it failed every time"),
                ct => PoisonMessages.DeadLetterAsync(_services.Hub, _queue, item, ct),
                item), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message.DueAt is { } due && due > _services.Clock.GetUtcNow().UtcDateTime)
        {
            // Not due yet (a timer longer than a queue message can wait, or rounding): send it on for the rest.
            await _services.Codec.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await _queue.DeleteAsync(item, cancellationToken).ConfigureAwait(false);
            LogRearmed(_logger, message.InstanceId, due);
            return;
        }

        await RouteAsync(new Pending(message, ct => AcknowledgeAsync(item, payloadBlob, ct), item), cancellationToken).ConfigureAwait(false);
    }

    private async Task RouteAsync(Pending pending, CancellationToken cancellationToken)
    {
        if (_services.Hub.PartitionOf(pending.Message.InstanceId) == Partition)
        {
            Enqueue(pending);
            return;
        }

        // Misrouted (another partition's instance): only that partition's owner may touch the instance.
        await _services.Codec.SendAsync(pending.Message, cancellationToken).ConfigureAwait(false);
        await pending.Acknowledge(cancellationToken).ConfigureAwait(false);
    }

    private async Task AcknowledgeAsync(QueueItem item, string? payloadBlob, CancellationToken cancellationToken)
    {
        await _queue.DeleteAsync(item, cancellationToken).ConfigureAwait(false);
        if (payloadBlob is not null)
        {
            await _services.Hub.Payloads.DeleteAsync(payloadBlob, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Enqueue(Pending pending)
    {
        var instanceId = pending.Message.InstanceId;
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(instanceId, out var session))
            {
                _sessions[instanceId] = session = new Session();
            }

            session.Pending.Add(pending);
            _pendingCount++;
            if (session.Running)
            {
                return true;
            }

            session.Running = true;
            var run = Task.Run(() => RunSessionAsync(instanceId, session));
            _running.Add(run);
            _ = run.ContinueWith(
                t =>
                {
                    lock (_sessions)
                    {
                        _running.Remove(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return true;
        }
    }

    private async Task RunSessionAsync(string instanceId, Session session)
    {
        await _services.OrchestrationSlots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            while (true)
            {
                List<Pending> batch;
                lock (_sessions)
                {
                    if (session.Pending.Count == 0 || _stopping.IsCancellationRequested)
                    {
                        session.Running = false;
                        if (session.Pending.Count == 0)
                        {
                            _sessions.Remove(instanceId);
                        }

                        return;
                    }

                    batch = [.. session.Pending];
                    session.Pending.Clear();
                }

                await ProcessBatchAsync(instanceId, batch).ConfigureAwait(false);
                lock (_sessions)
                {
                    _pendingCount -= batch.Count;
                }
            }
        }
        finally
        {
            _services.OrchestrationSlots.Release();
        }
    }

    private async Task ProcessBatchAsync(string instanceId, List<Pending> batch)
    {
        var cancellationToken = CancellationToken.None;
        var messages = batch.Select(p => p.Message).ToList();
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (!_cache.TryTake(instanceId, out var state, out var etag))
                {
                    (state, etag) = await _services.Store.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
                    if (state is { Outbox.Count: > 0 })
                    {
                        // Loaded cold: its last episode may have stored its outbox and crashed before sending it.
                        await Task.WhenAll(state.Outbox.Select(m => _services.Codec.SendAsync(m, cancellationToken))).ConfigureAwait(false);
                    }
                }

                var result = _services.Processor.Process(state, messages);
                if (result.State is { } next)
                {
                    var newEtag = await _services.Store.SaveAsync(next, etag, cancellationToken).ConfigureAwait(false);
                    if (newEtag is null)
                    {
                        LogConflict(_logger, instanceId, attempt);
                        continue;
                    }

                    if (!next.IsTerminal)
                    {
                        _cache.Put(instanceId, next, newEtag);
                    }
                }
                else if (state is not null && etag is not null && !state.IsTerminal)
                {
                    _cache.Put(instanceId, state, etag);
                }

                await Task.WhenAll(result.Sends.Select(m => _services.Codec.SendAsync(m, cancellationToken))).ConfigureAwait(false);
                await Task.WhenAll(batch.Select(p => p.Acknowledge(cancellationToken))).ConfigureAwait(false);
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The top of a work item, and not swallowed: the messages go back to the queue and are retried,
            // and one that fails every time is dead-lettered with its instance failed.
            LogEpisodeError(_logger, ex, instanceId);
        }

        foreach (var item in batch.Select(p => p.Item).OfType<QueueItem>())
        {
            await _queue.UpdateVisibilityAsync(item, WorkerServices.RetryBackoff(item.DequeueCount), CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage error on partition {Partition}")]
    private static partial void LogStorageError(ILogger logger, Exception exception, int partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable message {MessageId} (delivery {DequeueCount}); retrying")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettering message {MessageId} after {DequeueCount} deliveries; failing instance {InstanceId}")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, long dequeueCount, string? instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-armed a timer of instance {InstanceId} due at {DueAt:o}")]
    private static partial void LogRearmed(ILogger logger, string instanceId, DateTime dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} changed under us (attempt {Attempt}); reloading")]
    private static partial void LogConflict(ILogger logger, string instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Episode of instance {InstanceId} failed; its messages will be retried")]
    private static partial void LogEpisodeError(ILogger logger, Exception exception, string instanceId);

    private sealed class Session
    {
        public List<Pending> Pending { get; } = [];

        public bool Running { get; set; }
    }

    private sealed record Pending(WorkMessage Message, Func<CancellationToken, Task> Acknowledge, QueueItem? Item);
}
