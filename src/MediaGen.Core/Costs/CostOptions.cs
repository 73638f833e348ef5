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
    /// CometAPI price of one image in US dollars, per model: <c>model=price</c> pairs separated by <c>;</c>, e.g.
    /// <c>dall-e-3=0.04;gpt-image-1=0.042</c> (one setting, since model ids hold characters app setting names may not).
    /// Default empty: CometAPI costs are unknown. Prices are zero or more, with <c>.</c> as the decimal point.
    /// </summary>
    public string CometImagePrices { get; set; } = "";

    /// <summary>The parsed <see cref="CometImagePrices"/>; throws <see cref="FormatException"/> naming the bad entry.</summary>
    public IReadOnlyDictionary<string, decimal> CometPrices()
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in CometImagePrices.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0
                || !decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price)
                || !prices.TryAdd(parts[0], price))
            {
                throw new FormatException($"Costs__CometImagePrices: '{entry}' is not model=price (a price of zero or more, each model once).");
            }
        }

        return prices;
    }
}
