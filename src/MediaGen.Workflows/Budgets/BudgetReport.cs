namespace MediaGen.Workflows.Budgets;

/// <summary>A caller's budgets (<c>GET /api/budgets</c>).</summary>
/// <param name="Caller">The caller identity.</param>
/// <param name="Budgets">Daily and monthly, per unit.</param>
public sealed record BudgetReport(string Caller, IReadOnlyList<BudgetStatus> Budgets);
