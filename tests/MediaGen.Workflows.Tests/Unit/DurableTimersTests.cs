namespace MediaGen.Workflows.Tests.Unit;

/// <summary>
/// The never-early wait loop, against a context whose timers fire as the Azure Storage backend's do (delays rounded down
/// to whole seconds, DESIGN §1). The in-memory engine never fires early, so this is where the re-wait is proven.
/// </summary>
public sealed class DurableTimersTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task UntilAsync_WholeSecondsAway_OneTimerFiringOnTime()
    {
        var context = new TimerContext(Start);

        await DurableTimers.UntilAsync(context, Start.AddSeconds(30), CancellationToken.None);

        Assert.Equal([Start.AddSeconds(30)], context.Requested);
        Assert.Equal(Start.AddSeconds(30), context.CurrentUtcDateTime);
    }

    [Theory]
    [InlineData(30.5, 31.0)]
    [InlineData(0.4, 1.0)]
    [InlineData(0.01, 1.0)]
    public async Task UntilAsync_TimerFiresEarly_WaitsOneMoreSecondSoNeverEarly(double dueSeconds, double endsAtSeconds)
    {
        var context = new TimerContext(Start);
        var due = Start.AddSeconds(dueSeconds);

        await DurableTimers.UntilAsync(context, due, CancellationToken.None);

        Assert.Equal(2, context.Requested.Count);
        Assert.Equal(due, context.Requested[0]);
        Assert.Equal(Start.AddSeconds(endsAtSeconds), context.CurrentUtcDateTime);
        Assert.True(context.CurrentUtcDateTime >= due);
    }

    [Fact]
    public async Task UntilAsync_DueAlreadyPassed_NoTimer()
    {
        var context = new TimerContext(Start);

        await DurableTimers.UntilAsync(context, Start.AddSeconds(-1), CancellationToken.None);

        Assert.Empty(context.Requested);
    }

    [Fact]
    public async Task UntilAsync_UnspecifiedKind_RequestedAsUtc()
    {
        var context = new TimerContext(Start);

        await DurableTimers.UntilAsync(context, DateTime.SpecifyKind(Start.AddSeconds(5), DateTimeKind.Unspecified), CancellationToken.None);

        Assert.Equal(DateTimeKind.Utc, Assert.Single(context.Requested).Kind);
    }

    [Fact]
    public async Task UntilAsync_Canceled_StopsWaiting()
    {
        var context = new TimerContext(Start);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DurableTimers.UntilAsync(context, Start.AddSeconds(5), stop.Token));
        Assert.Empty(context.Requested);
    }
}
