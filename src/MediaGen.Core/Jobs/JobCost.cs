namespace MediaGen.Core.Jobs;

/// <summary>
/// What a job costs in its provider's unit: the estimate made from its parameters before any provider call, and the
/// actual once it has run. A null amount is unknown (the documents do not price it); never invented.
/// </summary>
/// <param name="Unit"><c>tokens</c> (Cosmic) or <c>usd</c> (Pixazo, CometAPI).</param>
/// <param name="Estimate">The most the job is expected to cost; null when unknown.</param>
/// <param name="Actual">What it cost; null while running, when nothing was bought, or when unknown.</param>
/// <param name="Source">Where <see cref="Actual"/> comes from: <c>usage</c> (the provider's report) or <c>price_table</c> (documented fixed prices).</param>
public sealed record JobCost(string Unit, decimal? Estimate, decimal? Actual = null, string? Source = null);
