using System.Diagnostics;

namespace MediaGen.Engine;

/// <summary>
/// Runs a step again while it fails because storage is unavailable (<see cref="StorageOutage"/>): 1 s, doubling to 8 s (so
/// a step goes on within seconds of storage answering again), for as long as <see cref="Budget"/> from its first failure
/// (about 3 minutes of outage), then the last failure is thrown.
/// </summary>
internal static class StorageOutageRetry
{
    /// <summary>How long a step is tried again after its first failure. 3 minutes.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Runs <paramref name="step"/> until it succeeds, fails otherwise, or fails unavailable after <see cref="Budget"/>;
    /// <paramref name="retrying"/> is told of each failure tried again (the failure, the run, the delay).
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> step, Action<Exception, int, TimeSpan> retrying)
    {
        var delay = TimeSpan.FromSeconds(1);
        Stopwatch? failing = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (Exception e) when (StorageOutage.IsUnavailable(e) && (failing ??= Stopwatch.StartNew()).Elapsed < Budget)
            {
                retrying(e, attempt, delay);
            }

            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }
}
