using System.Collections.Concurrent;

namespace MediaGen.Core.Tests.Providers;

/// <summary>
/// Fires short timers (retry delays) at once and records their due times, so retry tests run instantly and can
/// check the delay asked for; long timers (attempt timeouts of an hour) never fire.
/// </summary>
public sealed class FastTimeProvider : TimeProvider
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMinutes(10);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class Timer(FastTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != global::System.Threading.Timeout.InfiniteTimeSpan && dueTime < Threshold)
            {
                owner.Delays.Enqueue(dueTime);
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            return true;
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
