namespace MediaGen.Workflows.Budgets;

/// <summary>A caller's daily and monthly limits per unit; null: no limit.</summary>
public sealed class BudgetLimits
{
    /// <summary>Cosmic tokens per UTC day.</summary>
    public decimal? DailyTokens { get; set; }

    /// <summary>Cosmic tokens per UTC month.</summary>
    public decimal? MonthlyTokens { get; set; }

    /// <summary>US dollars per UTC day.</summary>
    public decimal? DailyUsd { get; set; }

    /// <summary>US dollars per UTC month.</summary>
    public decimal? MonthlyUsd { get; set; }

    /// <summary>The daily limit of <paramref name="unit"/>.</summary>
    public decimal? Daily(string unit) => unit == CostUnits.Tokens ? DailyTokens : DailyUsd;

    /// <summary>The monthly limit of <paramref name="unit"/>.</summary>
    public decimal? Monthly(string unit) => unit == CostUnits.Tokens ? MonthlyTokens : MonthlyUsd;

    /// <summary>Whether any limit applies to <paramref name="unit"/>.</summary>
    public bool Limits(string unit) => Daily(unit) is not null || Monthly(unit) is not null;
}
