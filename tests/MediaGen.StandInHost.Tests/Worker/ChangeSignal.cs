namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>Lets a test wait until something a collector gathers holds: the collector signals each change.</summary>
internal sealed class ChangeSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes the waiters up to look again.</summary>
    public void Changed()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>
    /// Waits until <paramref name="probe"/> finds something (looking again on every change; hang guard:
    /// <see cref="Waits.HangGuard"/>); <paramref name="what"/> and <paramref name="state"/> describe a hang.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<T?> probe, string what, Func<string> state)
        where T : class
    {
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            // Looked at after taking the signal: a change in between completes it, so nothing is missed.
            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not {what} within {Waits.HangGuard}; {state()}");
            }
        }
    }
}
