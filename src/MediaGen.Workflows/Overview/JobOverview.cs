namespace MediaGen.Workflows.Overview;

/// <summary>
/// The dashboard's overview of one window (<c>GET /api/overview</c>): jobs per interval by status, durations, failures,
/// spend against budgets and the jobs in flight now, computed on the server from the jobs created in the window.
/// </summary>
/// <param name="From">The window's start (inclusive, UTC; aligned to <paramref name="IntervalSeconds"/>).</param>
/// <param name="To">The window's end (exclusive).</param>
/// <param name="IntervalSeconds">The length of each interval of <paramref name="Intervals"/> and <paramref name="Spend"/>.</param>
/// <param name="Intervals">Jobs created in each interval, by status (the final status of finished jobs), every interval of the window in order.</param>
/// <param name="Durations">Completed jobs' durations (accepted → finished) per provider and kind.</param>
/// <param name="Failures">Failed jobs per error type and provider, most first.</param>
/// <param name="Spend">Actual cost of the jobs created in each interval, per caller and unit (intervals without spend are left out).</param>
/// <param name="Budgets">The budgets of every caller and unit in <paramref name="Spend"/>.</param>
/// <param name="InFlight">Jobs pending or running now (whenever created), per phase.</param>
/// <param name="Read">What computing this read.</param>
public sealed record JobOverview(
    DateTimeOffset From,
    DateTimeOffset To,
    int IntervalSeconds,
    IReadOnlyList<OverviewInterval> Intervals,
    IReadOnlyList<OverviewDuration> Durations,
    IReadOnlyList<OverviewFailure> Failures,
    IReadOnlyList<OverviewSpend> Spend,
    IReadOnlyList<OverviewBudget> Budgets,
    IReadOnlyList<OverviewPhase> InFlight,
    OverviewRead Read);
