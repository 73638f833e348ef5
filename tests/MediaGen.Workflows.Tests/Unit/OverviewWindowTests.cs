using MediaGen.Workflows.Overview;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class OverviewWindowTests
{
    private static readonly DateTimeOffset Now = new(2030, 5, 6, 14, 37, 12, TimeSpan.Zero);

    [Theory]
    [InlineData("hour", 300, 13, "2030-05-06T13:35:00+00:00")]
    [InlineData("day", 3600, 25, "2030-05-05T14:00:00+00:00")]
    [InlineData("week", 21600, 29, "2030-04-29T12:00:00+00:00")]
    public void Named_Window_EndsNowWithAlignedIntervals(string name, int seconds, int count, string from)
    {
        var window = OverviewWindow.Named(name, Now)!;

        Assert.Equal(TimeSpan.FromSeconds(seconds), window.Interval);
        Assert.Equal(count, window.Count);
        Assert.Equal(DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), window.From);
        Assert.Equal(Now, window.To);
    }

    [Fact]
    public void Named_UnknownName_IsNull() => Assert.Null(OverviewWindow.Named("month", Now));

    [Theory]
    [InlineData(30, 60, 30)]
    [InlineData(24 * 60, 3600, 24)]
    [InlineData(31 * 24 * 60, 86400, 31)]
    public void Custom_Range_TakesTheShortestRoundIntervalWithinTheCap(int minutes, int seconds, int count)
    {
        var window = OverviewWindow.Custom(Now.AddMinutes(-minutes).AddSeconds(-12), Now.AddSeconds(-12));

        Assert.Equal(TimeSpan.FromSeconds(seconds), window.Interval);
        Assert.InRange(window.Count, count, count + 1);
        Assert.True(window.Count <= OverviewWindow.MaxIntervals);
    }

    [Fact]
    public void IndexOf_TimesInAndOutside_GivesTheIntervalOrMinusOne()
    {
        var window = OverviewWindow.Named("hour", Now)!;

        Assert.Equal(0, window.IndexOf(window.From));
        Assert.Equal(1, window.IndexOf(window.From.AddMinutes(5)));
        Assert.Equal(window.Count - 1, window.IndexOf(Now.AddTicks(-1)));
        Assert.Equal(-1, window.IndexOf(Now));
        Assert.Equal(-1, window.IndexOf(window.From.AddTicks(-1)));
    }
}
