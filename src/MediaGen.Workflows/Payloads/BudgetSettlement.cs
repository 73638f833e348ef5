namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.SettleBudgetActivity"/>: what the calling job, chain or batch spent, per reserved unit.</summary>
/// <param name="Caller">The caller whose budgets hold the reservation.</param>
/// <param name="Spent">What was spent per unit (0 releases the reservation).</param>
public sealed record BudgetSettlement(string Caller, IReadOnlyList<BudgetAmount> Spent);
