using System.Diagnostics;

namespace MediaGen.Bench.Common;

/// <summary>
/// Runs instances with a fixed number in flight: each slot starts the next instance once its previous one reached a final
/// status (seen in the backend's events, so waiting costs no storage request).
/// </summary>
public static class ClosedLoop
{
    /// <summary>What one run took.</summary>
    /// <param name="Elapsed">From the first start to the last final status.</param>
    /// <param name="Statuses">Final runtime status per instance id.</param>
    public sealed record Result(TimeSpan Elapsed, IReadOnlyDictionary<string, string> Statuses)
    {
        /// <summary>Instances finished per second.</summary>
        public double PerSecond => Statuses.Count / Elapsed.TotalSeconds;
    }

    /// <summary>Starts every id in <paramref name="ids"/> through <paramref name="start"/>, <paramref name="concurrency"/> at once.</summary>
    public static async Task<Result> RunAsync(
        EngineEvents events, IReadOnlyList<string> ids, int concurrency, Func<string, CancellationToken, Task> start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(start);
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        long last = 0;
        var first = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var finished = events.WhenFinished(id);
            await start(id, ct);
            var done = await finished.WaitAsync(ct);
            statuses[id] = done.RuntimeStatus;
            InterlockedMax(ref last, done.Timestamp);
        });
        return new Result(Stopwatch.GetElapsedTime(first, Interlocked.Read(ref last)), statuses);
    }

    /// <summary><paramref name="count"/> instance ids <c>{prefix}-0000</c>, <c>{prefix}-0001</c>…</summary>
    public static List<string> Ids(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{i:D4}"))];

    /// <summary>Throws unless every instance of <paramref name="result"/> completed (<paramref name="what"/> names the run).</summary>
    public static void Require(Result result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bad = result.Statuses.Where(s => s.Value != "Completed").ToList();
        if (bad.Count > 0)
        {
            throw new InvalidOperationException($"{what}: {bad.Count} instances did not complete, e.g. {bad[0].Key}: {bad[0].Value}");
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen)
        {
            var before = Interlocked.CompareExchange(ref target, value, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }
}
