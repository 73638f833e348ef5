namespace MediaGen.Workflows.Overview;

/// <summary>
/// The time an overview covers, cut into intervals: a named window ending now (<c>hour</c>: 5-minute intervals, <c>day</c>:
/// hourly, <c>week</c>: 6-hourly), or a custom range cut into at most <see cref="MaxIntervals"/> intervals of a round length.
/// </summary>
public sealed record OverviewWindow
{
    /// <summary>The most intervals a window is cut into.</summary>
    public const int MaxIntervals = 48;

    /// <summary>The longest custom window.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    private static readonly TimeSpan[] Lengths =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
        TimeSpan.FromHours(6), TimeSpan.FromDays(1),
    ];

    private OverviewWindow(DateTimeOffset from, DateTimeOffset to, TimeSpan interval)
    {
        From = from;
        To = to;
        Interval = interval;
    }

    /// <summary>The names <see cref="Named"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["hour", "day", "week"];

    /// <summary>The start (inclusive, UTC), aligned to <see cref="Interval"/>.</summary>
    public DateTimeOffset From { get; }

    /// <summary>The end (exclusive, UTC).</summary>
    public DateTimeOffset To { get; }

    /// <summary>The length of each interval.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The number of intervals.</summary>
    public int Count => (int)Math.Ceiling((To - From) / Interval);

    /// <summary>The last hour, day or week before <paramref name="now"/>; null for another name.</summary>
    public static OverviewWindow? Named(string name, DateTimeOffset now) => name switch
    {
        "hour" => Ending(now, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
        "day" => Ending(now, TimeSpan.FromDays(1), TimeSpan.FromHours(1)),
        "week" => Ending(now, TimeSpan.FromDays(7), TimeSpan.FromHours(6)),
        _ => null,
    };

    /// <summary>
    /// <paramref name="from"/> to <paramref name="to"/> (the caller checks <c>from &lt; to</c> and the length), cut into the
    /// shortest round interval that gives at most <see cref="MaxIntervals"/>.
    /// </summary>
    public static OverviewWindow Custom(DateTimeOffset from, DateTimeOffset to)
    {
        if (from >= to)
        {
            throw new ArgumentException("The window must end after it starts.", nameof(to));
        }

        var interval = Lengths.FirstOrDefault(l => Math.Ceiling((to - Align(from, l)) / l) <= MaxIntervals, Lengths[^1]);
        return new OverviewWindow(Align(from, interval), to.ToUniversalTime(), interval);
    }

    /// <summary>The index of the interval <paramref name="time"/> falls in; -1 outside the window.</summary>
    public int IndexOf(DateTimeOffset time) => time < From || time >= To ? -1 : (int)((time - From) / Interval);

    /// <summary>The start of interval <paramref name="index"/>.</summary>
    public DateTimeOffset StartOf(int index) => From + (Interval * index);

    private static OverviewWindow Ending(DateTimeOffset now, TimeSpan length, TimeSpan interval) =>
        new(Align(now - length, interval), now.ToUniversalTime(), interval);

    private static DateTimeOffset Align(DateTimeOffset time, TimeSpan interval)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % interval.Ticks), TimeSpan.Zero);
    }
}
