namespace MediaGen.Engine.Tests.Workflows;

/// <summary>
/// What <see cref="StorageProbe"/> works against: a storage account (the test's Azurite, which the test stops), a signal
/// that the activity started, and a gate the test opens once storage is gone, so the activity's storage call fails then.
/// </summary>
public sealed class StorageProbeGate(string connectionString)
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _paused;
    private int _runs;

    /// <summary>Completes once the activity has started.</summary>
    public Task Entered => _entered.Task;

    /// <summary>How often the activity ran (its runs again in place included).</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Lets the activity make its storage call.</summary>
    public void Go() => _go.TrySetResult();

    /// <summary>Runs that start from now on wait for <see cref="Resume"/> before their storage call.</summary>
    public void Pause() => _paused = true;

    /// <summary>Lets paused runs make their storage call.</summary>
    public void Resume() => _resume.TrySetResult();

    internal async Task<int> RunAsync()
    {
        var run = Interlocked.Increment(ref _runs);
        _entered.TrySetResult();
        await _go.Task.WaitAsync(MediaGen.Testing.Waits.HangGuard);
        if (_paused)
        {
            await _resume.Task.WaitAsync(MediaGen.Testing.Waits.HangGuard);
        }

        // One storage call, not retried by the SDK: refused at once while the test's Azurite is stopped.
        var options = new QueueClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        await new QueueServiceClient(connectionString, options).GetPropertiesAsync();
        return run;
    }
}
