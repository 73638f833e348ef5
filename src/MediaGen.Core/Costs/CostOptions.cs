namespace MediaGen.Core.Costs;

/// <summary>
/// Prices the provider documents do not publish. Bound from the <c>Costs</c> section. CometAPI's document has no prices:
/// without an entry for a model its jobs' costs are unknown (never invented).
/// </summary>
public sealed class CostOptions
{
    /// <summary>The configuration section: <c>Costs</c>.</summary>
    public const string SectionName = "Costs";

    /// <summary>
    /// CometAPI price of one image in US dollars, by model id (<c>Costs__CometImagePrices__dall-e-3=0.04</c>). Default: none
    /// (CometAPI costs unknown). Prices must be zero or more.
    /// </summary>
    public Dictionary<string, decimal> CometImagePrices { get; set; } = new(StringComparer.Ordinal);
}
