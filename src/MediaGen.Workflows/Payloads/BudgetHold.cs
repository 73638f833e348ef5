namespace MediaGen.Workflows.Payloads;

/// <summary>A budget reservation a job, chain or batch holds from its start until it ends (then settled to what it spent).</summary>
/// <param name="Caller">The caller identity whose budgets hold it.</param>
/// <param name="Amounts">What is reserved, per unit.</param>
public sealed record BudgetHold(string Caller, IReadOnlyList<BudgetAmount> Amounts);
