using MediaGen.Durable.History;
using MediaGen.Durable.Storage;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Per-instance sessions: one episode at a time per instance, batching every message that arrived
/// meanwhile. Activities an episode schedules run in this process when it has a free slot; then the
/// control-queue message that triggered the episode is not deleted but held (its visibility renewed)
/// until the instance has no local activity left, so a crash still leaves a message that brings the
/// instance back, and its stored outbox re-sends the lost work.
/// </summary>
internal sealed partial class PartitionProcessor
{
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
                        if (session.IsIdle && _sessions.GetValueOrDefault(instanceId) == session)
                        {
                            _sessions.Remove(instanceId);
                        }

                        return;
                    }

                    batch = [.. session.Pending];
                    session.Pending.Clear();
                    _pendingCount -= batch.Count;
                }

                await ProcessBatchAsync(instanceId, session, batch).ConfigureAwait(false);
            }
        }
        finally
        {
            _services.OrchestrationSlots.Release();
        }
    }

    private async Task ProcessBatchAsync(string instanceId, Session session, List<Pending> batch)
    {
        var cancellationToken = CancellationToken.None;
        var messages = batch.Select(p => p.Message).ToList();
        try
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var (state, etag) = await LoadAsync(instanceId, messages, attempt, cancellationToken).ConfigureAwait(false);
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

                await DispatchAsync(instanceId, session, result.Sends, cancellationToken).ConfigureAwait(false);
                await SettleAsync(session, batch, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The top of a work item, and not swallowed: the messages are retried (queue messages come
            // back after a back-off), and one that fails every time is dead-lettered with its instance failed.
            LogEpisodeError(_logger, ex, instanceId);
        }

        foreach (var item in batch.Select(p => p.Item).OfType<QueueItem>())
        {
            await _queue.UpdateVisibilityAsync(item, WorkerServices.RetryBackoff(item.DequeueCount), CancellationToken.None).ConfigureAwait(false);
        }

        var local = batch.Where(p => p.Item is null).ToList();
        if (local.Count > 0)
        {
            // Results handed over in memory have no queue message to come back with: retry them here.
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
            local.ForEach(p => Enqueue(p));
        }
    }

    private async Task<(InstanceState? State, string? ETag)> LoadAsync(string instanceId, List<WorkMessage> messages, int attempt, CancellationToken cancellationToken)
    {
        if (_cache.TryTake(instanceId, out var cached, out var cachedEtag))
        {
            return (cached, cachedEtag);
        }

        if (attempt == 0 && messages.FirstOrDefault(m => m is { StateETag: not null, Event: ExecutionStarted }) is { } start)
        {
            // A client's start carries the ETag of the state it created: no need to read it back.
            return (InstanceState.ForStart(start), start.StateETag);
        }

        var (state, etag) = await _services.Store.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is { Outbox.Count: > 0 })
        {
            // Loaded cold: its last episode may have stored its outbox and stopped before sending all of it.
            await Task.WhenAll(state.Outbox.Select(m => _services.Codec.SendAsync(m, cancellationToken))).ConfigureAwait(false);
        }

        return (state, etag);
    }

    private async Task DispatchAsync(string instanceId, Session session, IReadOnlyList<WorkMessage> sends, CancellationToken cancellationToken)
    {
        var remote = new List<WorkMessage>(sends.Count);
        foreach (var message in sends)
        {
            if (message.Event is TaskScheduled && _services.TryRunActivityLocally is { } runLocally && !_stopping.IsCancellationRequested)
            {
                Interlocked.Increment(ref session.OutstandingLocal);
                if (runLocally(message, result => DeliverLocalResultAsync(session, result)))
                {
                    continue;
                }

                Interlocked.Decrement(ref session.OutstandingLocal);
            }

            remote.Add(message);
        }

        await Task.WhenAll(remote.Select(m => _services.Codec.SendAsync(m, cancellationToken))).ConfigureAwait(false);
        LogDispatched(_logger, instanceId, sends.Count - remote.Count, remote.Count);
    }

    private async Task DeliverLocalResultAsync(Session session, WorkMessage result)
    {
        Task Stored(CancellationToken ct)
        {
            Interlocked.Decrement(ref session.OutstandingLocal);
            return Task.CompletedTask;
        }

        if (!TryDeliver(result, Stored))
        {
            // The partition is going away: the result goes through the queue like any other.
            await _services.Codec.SendAsync(result, CancellationToken.None).ConfigureAwait(false);
            await Stored(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Acknowledges a stored batch: triggers are held while local activities are out, else deleted with any held before.</summary>
    private async Task SettleAsync(Session session, List<Pending> batch, CancellationToken cancellationToken)
    {
        await Task.WhenAll(batch.Where(p => !p.Holdable).Select(p => p.Acknowledge(cancellationToken))).ConfigureAwait(false);
        var now = DateTime.UtcNow;
        List<Held> release;
        lock (_sessions)
        {
            var triggers = batch.Where(p => p.Holdable).Select(p => new Held(p.Item!, p.PayloadBlob, now));
            if (Volatile.Read(ref session.OutstandingLocal) > 0)
            {
                session.Custody.AddRange(triggers);
                return;
            }

            release = [.. session.Custody, .. triggers];
            session.Custody.Clear();
        }

        await Task.WhenAll(release.Select(h => AcknowledgeAsync(h.Item, h.PayloadBlob, cancellationToken))).ConfigureAwait(false);
    }

    private async Task RenewCustodyLoopAsync(CancellationToken cancellationToken)
    {
        var visibility = _services.Options.MessageVisibilityTimeout;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(visibility / 3, cancellationToken).ConfigureAwait(false);
                List<Held> due;
                lock (_sessions)
                {
                    due = [.. _sessions.Values.SelectMany(s => s.Custody).Where(h => DateTime.UtcNow - h.RenewedAt > visibility / 3)];
                }

                foreach (var held in due)
                {
                    if (await _queue.UpdateVisibilityAsync(held.Item, visibility, cancellationToken).ConfigureAwait(false) is { } renewed)
                    {
                        lock (_sessions)
                        {
                            held.Item = renewed;
                            held.RenewedAt = DateTime.UtcNow;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException ex)
            {
                LogStorageError(_logger, ex, Partition);
            }
        }
    }

    private sealed class Session
    {
        public int OutstandingLocal;

        public List<Pending> Pending { get; } = [];

        public List<Held> Custody { get; } = [];

        public bool Running { get; set; }

        public bool IsIdle => Pending.Count == 0 && Custody.Count == 0 && Volatile.Read(ref OutstandingLocal) == 0;
    }

    private sealed class Held(QueueItem item, string? payloadBlob, DateTime renewedAt)
    {
        public QueueItem Item { get; set; } = item;

        public string? PayloadBlob { get; } = payloadBlob;

        public DateTime RenewedAt { get; set; } = renewedAt;
    }

    // Holdable: a control-queue trigger, which may be held while the instance's local activities run.
    private sealed record Pending(WorkMessage Message, Func<CancellationToken, Task> Acknowledge, QueueItem? Item, string? PayloadBlob, bool Holdable);
}
