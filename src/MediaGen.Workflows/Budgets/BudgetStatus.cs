namespace MediaGen.Workflows.Budgets;

/// <summary>One budget of a caller as <c>GET /api/budgets</c> shows it.</summary>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="Period"><c>daily</c> or <c>monthly</c>.</param>
/// <param name="Current">The current period (UTC): <c>2026-12-05</c> or <c>2026-12</c>.</param>
/// <param name="Limit">The limit; null: none (nothing is reserved or counted in a unit without any limit).</param>
/// <param name="Reserved">Held by running jobs.</param>
/// <param name="Spent">Spent by jobs that ended in the period.</param>
public sealed record BudgetStatus(string Unit, string Period, string Current, decimal? Limit, decimal Reserved, decimal Spent)
{
    /// <summary>What is left; null without a limit.</summary>
    public decimal? Remaining => Limit is { } limit ? Math.Max(0m, limit - Reserved - Spent) : null;
}
