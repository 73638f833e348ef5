using System.Diagnostics;
using MediaGen.Testing;
using MediaGen.Workflows;
using static MediaGen.Bench.Common.BenchSettings;

namespace MediaGen.Bench.BatchScale;

/// <summary>Reads a batch's status every few seconds, as a client watching it would, and times each read (its requests uncounted).</summary>
internal sealed class StatusPoller(JobReader jobs, string batchId, int seconds) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _durations = [];
    private Task? _loop;

    public void Start()
    {
        if (seconds > 0)
        {
            _loop = LoopAsync(_stop.Token);
        }
    }

    public string Describe() => _durations.Count == 0
        ? "no status reads"
        : $"{_durations.Count} status reads, p50 {F(Percentile(_durations, 50), "0")} ms, max {F(_durations.Max(), "0")} ms";

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
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                using (StorageRequestCounter.Pause())
                {
                    var started = Stopwatch.GetTimestamp();
                    await jobs.GetBatchAsync(batchId, JobAccess.Everything, stop);
                    _durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
