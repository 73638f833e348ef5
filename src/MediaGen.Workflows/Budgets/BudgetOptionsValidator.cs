namespace MediaGen.Workflows.Budgets;

/// <summary>Budget limits are zero or more; caller names are 1–64 letters, digits, '-', '_' or '.' (as API key callers).</summary>
public sealed class BudgetOptionsValidator : IValidateOptions<BudgetOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check("Budgets__", options.DailyTokens, options.MonthlyTokens, options.DailyUsd, options.MonthlyUsd);
        foreach (var (caller, limits) in options.Callers)
        {
            if (caller.Length is 0 or > 64 || !caller.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                failures.Add($"Budgets__Callers__{caller}: a caller name is 1–64 letters, digits, '-', '_' or '.'.");
            }

            if (limits is null)
            {
                continue;
            }

            Check($"Budgets__Callers__{caller}__", limits.DailyTokens, limits.MonthlyTokens, limits.DailyUsd, limits.MonthlyUsd);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string prefix, decimal? dailyTokens, decimal? monthlyTokens, decimal? dailyUsd, decimal? monthlyUsd)
        {
            foreach (var (field, value) in new[] { ("DailyTokens", dailyTokens), ("MonthlyTokens", monthlyTokens), ("DailyUsd", dailyUsd), ("MonthlyUsd", monthlyUsd) })
            {
                if (value < 0)
                {
                    failures.Add($"{prefix}{field} must be zero or more (empty: no limit).");
                }
            }
        }
    }
}
