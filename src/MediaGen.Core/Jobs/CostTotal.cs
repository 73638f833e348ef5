namespace MediaGen.Core.Jobs;

/// <summary>The summed cost of a batch's items in one unit.</summary>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="Estimate">Sum of the known estimates.</param>
/// <param name="Actual">Sum of the known actual costs so far.</param>
/// <param name="Items">Items counted in this unit.</param>
/// <param name="Unpriced">Items among them whose estimate is unknown (not in <see cref="Estimate"/>).</param>
public sealed record CostTotal(string Unit, decimal Estimate, decimal Actual, int Items, int Unpriced);
