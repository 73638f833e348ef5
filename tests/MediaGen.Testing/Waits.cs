namespace MediaGen.Testing;

/// <summary>
/// How the integration tests wait for something asynchronous (a marker blob, a poison message, a started instance, a ready
/// host): they assert that it happens, not how fast. A wait ends as soon as its condition holds; it gives up only after a
/// hang guard, or, while it counts results coming in, only after a stall with nothing new. A loaded machine makes the tests
/// slower, never red. <see cref="ForAsync{T}(Func{CancellationToken, Task{T}}, string, TimeSpan?, CancellationToken)"/> and
/// <see cref="UntilAsync(Func{CancellationToken, Task{bool}}, string, TimeSpan?, CancellationToken)"/> are the one way a test
/// waits for a condition it can only poll; where the code under test raises an event (a task, a signal), tests await that.
/// </summary>
public static class Waits
{
    /// <summary>How long a wait for one thing lasts before it is reported as a hang.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    /// <summary>How long a wait for many things goes on without a new one before it is reported as stalled.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromSeconds(90);

    /// <summary>How long a wait pauses between two looks at a condition it can only poll.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A watch over a growing count: <see cref="Progress.Stalled"/> says when it last grew too long ago.</summary>
    public static Progress Watch(TimeSpan? stall = null) => new(stall ?? Stall);

    /// <summary>
    /// Looks at <paramref name="probe"/> until it returns a value and returns it; a <see cref="TimeoutException"/> naming
    /// <paramref name="what"/> after <paramref name="hangGuard"/> (default <see cref="HangGuard"/>).
    /// </summary>
    public static async Task<T> ForAsync<T>(
        Func<CancellationToken, Task<T?>> probe, string what, TimeSpan? hangGuard = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(hangGuard ?? HangGuard);
        try
        {
            while (true)
            {
                if (await probe(guard.Token) is { } value)
                {
                    return value;
                }

                await Task.Delay(PollInterval, guard.Token);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up waiting for {what} after {hangGuard ?? HangGuard}.", e);
        }
    }

    /// <summary><see cref="ForAsync{T}(Func{CancellationToken, Task{T}}, string, TimeSpan?, CancellationToken)"/> for a probe without a token.</summary>
    public static Task<T> ForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? hangGuard = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        return ForAsync(_ => probe(), what, hangGuard);
    }

    /// <summary>Looks at <paramref name="condition"/> until it holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> after the hang guard.</summary>
    public static Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition, string what, TimeSpan? hangGuard = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return ForAsync(async token => await condition(token) ? Held : null, what, hangGuard, cancellationToken);
    }

    /// <summary><see cref="UntilAsync(Func{CancellationToken, Task{bool}}, string, TimeSpan?, CancellationToken)"/> for a condition without a token.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? hangGuard = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(_ => condition(), what, hangGuard);
    }

    /// <summary>
    /// Looks at <paramref name="probe"/> until <paramref name="done"/> holds for what it returns, and returns that; while the
    /// count <paramref name="progress"/> reads keeps growing it waits on, and gives up (a <see cref="TimeoutException"/>
    /// naming <paramref name="what"/> and the last count) only once it has not grown for <paramref name="stall"/> (default
    /// <see cref="Stall"/>). It looks every <paramref name="pollInterval"/> (default <see cref="PollInterval"/>): a probe that
    /// reads many things at once may look less often, so the wait itself does not load what it waits on.
    /// </summary>
    public static async Task<T> ForProgressAsync<T>(
        Func<CancellationToken, Task<T>> probe, Func<T, bool> done, Func<T, int> progress, string what,
        TimeSpan? stall = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(progress);
        var watch = Watch(stall);
        while (true)
        {
            var value = await probe(cancellationToken);
            if (done(value))
            {
                return value;
            }

            var count = progress(value);
            if (watch.Stalled(count))
            {
                throw new TimeoutException($"Gave up waiting for {what}: stalled at {count} for {stall ?? Stall}.");
            }

            await Task.Delay(pollInterval ?? PollInterval, cancellationToken);
        }
    }

    private static readonly object Held = new();

    /// <summary>Tracks when a count last grew.</summary>
    public sealed class Progress(TimeSpan stall)
    {
        private int _last = int.MinValue;
        private DateTime _movedAt = DateTime.UtcNow;

        /// <summary>Records <paramref name="count"/>; true when it has not grown for the stall time.</summary>
        public bool Stalled(int count)
        {
            if (count > _last)
            {
                _last = count;
                _movedAt = DateTime.UtcNow;
            }

            return DateTime.UtcNow - _movedAt >= stall;
        }
    }
}
