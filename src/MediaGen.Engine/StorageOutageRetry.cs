using MediaGen.Core.Storage;

namespace MediaGen.Engine;

/// <summary>
/// Runs a step again while it fails because storage is unavailable (<see cref="StorageOutage"/>): 2 s, doubling to 30 s,
/// at most <see cref="Attempts"/> runs (about 3 minutes of outage), then the last failure is thrown.
/// </summary>
internal static class StorageOutageRetry
{
    /// <summary>Runs at most. 10.</summary>
    public const int Attempts = 10;

    /// <summary>Runs <paramref name="step"/> until it succeeds, fails otherwise, or has run <see cref="Attempts"/> times.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> step, Action<Exception, int, TimeSpan> retrying)
    {
        var delay = TimeSpan.FromSeconds(2);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < Attempts && StorageOutage.IsUnavailable(e))
            {
                retrying(e, attempt, delay);
            }

            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }
}
