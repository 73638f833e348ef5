namespace MediaGen.Workflows.Budgets;

/// <summary>
/// Spending limits per caller identity (an API key's caller name, on the standalone host and the Functions app alike;
/// <c>default</c> for queue messages and inbox blobs), a daily and a monthly one per unit, in UTC calendar days and
/// months. Bound from the <c>Budgets</c> section and validated at start-up. A limit left empty does not apply; with none
/// set, nothing is reserved or counted.
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>The configuration section: <c>Budgets</c>.</summary>
    public const string SectionName = "Budgets";

    /// <summary>Cosmic tokens each caller may spend per UTC day. Default: no limit.</summary>
    public decimal? DailyTokens { get; set; }

    /// <summary>Cosmic tokens each caller may spend per UTC month. Default: no limit.</summary>
    public decimal? MonthlyTokens { get; set; }

    /// <summary>US dollars (Pixazo, priced CometAPI) each caller may spend per UTC day. Default: no limit.</summary>
    public decimal? DailyUsd { get; set; }

    /// <summary>US dollars each caller may spend per UTC month. Default: no limit.</summary>
    public decimal? MonthlyUsd { get; set; }

    /// <summary>
    /// Limits of particular callers, by caller name, replacing the defaults above field by field
    /// (<c>Budgets__Callers__partner-a__DailyUsd=5</c>). Default: none.
    /// </summary>
    public Dictionary<string, BudgetLimits> Callers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The limits that apply to <paramref name="caller"/>.</summary>
    public BudgetLimits LimitsOf(string caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var own = Callers.TryGetValue(caller, out var limits) ? limits : null;
        return new BudgetLimits
        {
            DailyTokens = own?.DailyTokens ?? DailyTokens,
            MonthlyTokens = own?.MonthlyTokens ?? MonthlyTokens,
            DailyUsd = own?.DailyUsd ?? DailyUsd,
            MonthlyUsd = own?.MonthlyUsd ?? MonthlyUsd,
        };
    }
}
