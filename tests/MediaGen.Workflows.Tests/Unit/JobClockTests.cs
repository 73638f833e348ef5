namespace MediaGen.Workflows.Tests.Unit;

/// <summary><see cref="JobClock"/>: the metrics' parts in orchestration time, never above the total.</summary>
public sealed class JobClockTests
{
    private static readonly DateTime T0 = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Finish_QueuedProviderAndCopy_SplitsTheTime()
    {
        var clock = new JobClock(T0);

        Assert.True(clock.BeginProvider(T0.AddSeconds(2)));
        clock.EndProvider(T0.AddSeconds(7), TimeSpan.FromSeconds(1.5));
        clock.AddCopy(TimeSpan.FromSeconds(0.5));
        var metrics = clock.Finish(T0.AddSeconds(9));

        Assert.Equal((2, 3.5, 2, 9), (metrics.QueuedSeconds, metrics.ProviderSeconds, metrics.CopySeconds, metrics.TotalSeconds));
    }

    [Fact]
    public void BeginProvider_SecondStep_IsNotTheFirstCall()
    {
        var clock = new JobClock(T0);

        Assert.True(clock.BeginProvider(T0.AddSeconds(1)));
        clock.EndProvider(T0.AddSeconds(2), TimeSpan.Zero);
        Assert.False(clock.BeginProvider(T0.AddSeconds(3)));
        clock.EndProvider(T0.AddSeconds(5), TimeSpan.Zero);

        Assert.Equal(3, clock.Finish(T0.AddSeconds(5)).ProviderSeconds);
    }

    [Fact]
    public void Finish_ProviderStepStillOpen_CountsItUpToTheEnd()
    {
        var clock = new JobClock(T0, providerPhaseStart: T0.AddSeconds(1));

        var metrics = clock.Finish(T0.AddSeconds(4));

        Assert.Equal((1, 3), (metrics.QueuedSeconds, metrics.ProviderSeconds));
    }

    [Fact]
    public void Finish_AcceptedAfterTheFirstCallByAnotherClock_NeverGoesNegative()
    {
        var clock = new JobClock(T0.AddSeconds(2));
        clock.BeginProvider(T0);
        clock.EndProvider(T0.AddSeconds(1), TimeSpan.FromSeconds(5));

        var metrics = clock.Finish(T0.AddSeconds(1));

        Assert.Equal(0, metrics.QueuedSeconds);
        Assert.True(metrics.TotalSeconds >= metrics.QueuedSeconds + metrics.ProviderSeconds + metrics.CopySeconds - 1e-9);
        Assert.Equal(1, metrics.CopySeconds);
    }

    [Fact]
    public void Of_RoundedParts_NeverExceedTheTotal()
    {
        // Each part rounds up to 1 ms while the total (1.8 ms) rounds to 2 ms: the total is raised to the parts' 3 ms.
        var metrics = JobClock.Of(0.0006, 0.0006, 0.0006, 0.0018, 12.34567);

        Assert.Equal(0.003, metrics.TotalSeconds);
        Assert.Equal(12.346, metrics.ProviderProcessingSeconds);
    }
}
