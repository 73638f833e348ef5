namespace MediaGen.Workflows.Overview;

/// <summary>What one caller's jobs created in one interval cost, in one unit (actual costs of finished jobs).</summary>
/// <param name="Start">The interval's start (UTC).</param>
/// <param name="Caller">Whose jobs (<c>unknown</c> for jobs started before owners were recorded).</param>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="Amount">The sum of the jobs' actual costs.</param>
/// <param name="Jobs">Jobs with an actual cost counted.</param>
public sealed record OverviewSpend(DateTimeOffset Start, string Caller, string Unit, decimal Amount, int Jobs);
