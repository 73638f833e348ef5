using System.Diagnostics;
using Azure.Storage.Queues;
using MediaGen.Bench.Common;
using MediaGen.Testing;
using static MediaGen.Bench.Common.BenchSettings;

namespace MediaGen.Bench.BatchScale;

/// <summary>
/// Prints, every interval, how many instances under a prefix finished, how many run, and the storage operations of the
/// interval with their mean latency, and how many messages the account's queues hold (visible or not: Azurite scans them
/// all on every queue read) — the figures that show where a large run slows down. Reads events and counters, and a few
/// uncounted queue properties.
/// </summary>
internal sealed class ProgressWatch(EngineEvents events, StorageRequestCounter storage, QueueServiceClient queues, string prefix, TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start() => _loop = LoopAsync(_stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
            _loop = null;
        }
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var before = Snapshot();
        var finishedBefore = 0;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Snapshot();
                var finished = events.FinishedCount(prefix);
                var busiest = now
                    .Select(p => (p.Key, Count: p.Value.Count - before.GetValueOrDefault(p.Key).Count, Ms: p.Value.TotalMs - before.GetValueOrDefault(p.Key).TotalMs))
                    .Where(o => o.Count > 0)
                    .OrderByDescending(o => o.Ms)
                    .Take(5)
                    .Select(o => $"{o.Key}={o.Count} ({F(o.Ms / o.Count, "0.0")} ms)");
                Console.WriteLine($"  t={F(Stopwatch.GetElapsedTime(started).TotalSeconds, "0")} s: finished {finished} (+{finished - finishedBefore}), " +
                    $"running {events.LiveCount}, queued messages {await QueuedMessagesAsync(stop)}; storage by time spent: {string.Join(", ", busiest)}");
                before = now;
                finishedBefore = finished;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Messages in every queue of the account, visible or not (e.g. timers due later).</summary>
    public async Task<int> QueuedMessagesAsync(CancellationToken cancellationToken)
    {
        using var paused = StorageRequestCounter.Pause();
        var total = 0;
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            total += (await queues.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }

        return total;
    }

    private Dictionary<string, (long Count, double TotalMs)> Snapshot() =>
        storage.ByOperation().ToDictionary(o => o.Operation, o => (o.Count, o.Count * o.MeanMs), StringComparer.Ordinal);
}
