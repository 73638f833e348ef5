using System.Diagnostics;
using MediaGen.Bench.Common;
using static MediaGen.Bench.Common.BenchSettings;

namespace MediaGen.Bench.BatchScale;

/// <summary>
/// Prints, every interval, how many instances under a prefix finished, how many run, and the storage operations of the
/// interval with their mean latency — the figures that show where a large run slows down. Reads events and counters
/// only: watching costs no storage request.
/// </summary>
internal sealed class ProgressWatch(EngineEvents events, StorageRequestCounter storage, string prefix, TimeSpan interval) : IAsyncDisposable
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
                    $"running {events.LiveCount}; storage by time spent: {string.Join(", ", busiest)}");
                before = now;
                finishedBefore = finished;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private Dictionary<string, (long Count, double TotalMs)> Snapshot() =>
        storage.ByOperation().ToDictionary(o => o.Operation, o => (o.Count, o.Count * o.MeanMs), StringComparer.Ordinal);
}
