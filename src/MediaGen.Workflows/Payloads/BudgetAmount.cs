namespace MediaGen.Workflows.Payloads;

/// <summary>An amount in one unit.</summary>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="Amount">The amount.</param>
public sealed record BudgetAmount(string Unit, decimal Amount);
