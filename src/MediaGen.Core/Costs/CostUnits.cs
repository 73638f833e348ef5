namespace MediaGen.Core.Costs;

/// <summary>The units costs are counted in: each provider's own.</summary>
public static class CostUnits
{
    /// <summary>Cosmic tokens (the token deduction from the bucket's allocation).</summary>
    public const string Tokens = "tokens";

    /// <summary>US dollars (Pixazo; CometAPI when a price table is configured).</summary>
    public const string Usd = "usd";

    /// <summary>Both units.</summary>
    public static IReadOnlyList<string> All { get; } = [Tokens, Usd];
}
