namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// An orchestration context that only has a clock and timers, which fire as the Azure Storage backend's do (DESIGN §1): the
/// delay until a timer's time is rounded down to whole seconds, so a timer fires up to ~1 s early (at once when under a
/// second is left). A timer completes at once, moving the clock to when it fired. Everything else is unsupported.
/// </summary>
internal sealed class TimerContext(DateTime start) : FakeOrchestrationContext("Timers")
{
    private DateTime _now = start;

    /// <summary>The fire times of the timers created, in order.</summary>
    public List<DateTime> Requested { get; } = [];

    public override DateTime CurrentUtcDateTime => _now;

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requested.Add(fireAt);
        var delay = fireAt - _now;
        _now += delay > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Floor(delay.TotalSeconds)) : TimeSpan.Zero;
        return Task.CompletedTask;
    }
}
