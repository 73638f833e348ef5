namespace MediaGen.Client;

/// <summary>What a job costs.</summary>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="Estimate">The estimate from the start (null when unknown).</param>
/// <param name="Actual">The actual cost, once known.</param>
/// <param name="Source">Where the actual figure comes from.</param>
public sealed record JobCost(string Unit, decimal? Estimate, decimal? Actual = null, string? Source = null);
