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

    public void Start()
    {
        _loop = Task.WhenAll(
            Task.Run(() => ReceiveLoopAsync(_stopping.Token)),
            Task.Run(() => RenewCustodyLoopAsync(_stopping.Token)));
    }

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
        List<QueueItem> leftovers;
        lock (_sessions)
        {
            leftovers = [.. _sessions.Values.SelectMany(s => s.Pending.Select(p => p.Item).OfType<QueueItem>().Concat(s.Custody.Select(h => h.Item)))];
            _sessions.Clear();
        }

        // Hand them back at once: the next owner need not wait for their visibility to run out.
        foreach (var item in leftovers)
        {
            await _queue.UpdateVisibilityAsync(item, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Hands a message to this partition without a queue (an activity result); false when the partition is stopping.</summary>
    public bool TryDeliver(WorkMessage message, Func<CancellationToken, Task> acknowledge) =>
        !_stopping.IsCancellationRequested && Enqueue(new Pending(message, acknowledge, null, null, Holdable: false));

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
                item,
                null,
                Holdable: false), cancellationToken).ConfigureAwait(false);
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
                item,
                null,
                Holdable: false), cancellationToken).ConfigureAwait(false);
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

        await RouteAsync(new Pending(message, ct => AcknowledgeAsync(item, payloadBlob, ct), item, payloadBlob, Holdable: true), cancellationToken).ConfigureAwait(false);
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
}
