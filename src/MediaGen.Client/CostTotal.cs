namespace MediaGen.Client;

/// <summary>A batch's cost in one unit.</summary>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="Estimate">The summed estimates.</param>
/// <param name="Actual">The summed actual costs so far.</param>
/// <param name="Items">Items counted.</param>
/// <param name="Unpriced">Items without a known price.</param>
public sealed record CostTotal(string Unit, decimal Estimate, decimal Actual, int Items, int Unpriced);
