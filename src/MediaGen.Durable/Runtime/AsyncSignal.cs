namespace MediaGen.Durable.Runtime;

/// <summary>Wakes waiters early: a poll loop waits for a signal or its back-off delay, whichever comes first.</summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Interlocked.Exchange(ref _signal, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signal).Task;
        using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(maxWait, delayCts.Token);
        await Task.WhenAny(signal, delay).ConfigureAwait(false);
        await delayCts.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
