namespace MediaGen.Workflows.Overview;

/// <summary>A caller's budget in one unit (configured limits; <c>GET /api/budgets</c> has the current period's figures).</summary>
/// <param name="Caller">The caller.</param>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="DailyLimit">The limit per UTC day; null: none.</param>
/// <param name="MonthlyLimit">The limit per UTC month; null: none.</param>
public sealed record OverviewBudget(string Caller, string Unit, decimal? DailyLimit, decimal? MonthlyLimit);
