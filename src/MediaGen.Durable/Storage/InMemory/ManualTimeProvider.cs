namespace MediaGen.Durable.Storage.InMemory;

/// <summary>
/// A clock that moves only when told to: with the in-memory storage, durable timers fire when the
/// clock passes them, so tests of long waits run instantly.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    /// <summary>Starts the clock at <paramref name="start"/> (default: 2030-01-01 UTC).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Raised after the clock moved.</summary>
    public event Action? Advanced;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (this)
        {
            _now += by;
        }

        Advanced?.Invoke();
    }

    /// <summary>Moves the clock forward to <paramref name="time"/> (never back).</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        var by = time - GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            Advance(by);
        }
    }
}
