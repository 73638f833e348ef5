namespace MediaGen.Workflows.Budgets;

/// <summary>Why a job does not fit a budget.</summary>
/// <param name="Caller">The caller whose budget it is.</param>
/// <param name="Unit"><c>tokens</c> or <c>usd</c>.</param>
/// <param name="Period"><c>daily</c> or <c>monthly</c>.</param>
/// <param name="Limit">The limit.</param>
/// <param name="Reserved">Held by running jobs.</param>
/// <param name="Spent">Spent by finished jobs in the period.</param>
/// <param name="Estimate">The job's estimate; null when unknown (a budget cannot admit a job of unknown cost).</param>
public sealed record BudgetRefusal(string Caller, string Unit, string Period, decimal Limit, decimal Reserved, decimal Spent, decimal? Estimate)
{
    /// <summary>What is left: limit − reserved − spent (never below 0).</summary>
    public decimal Remaining => Math.Max(0m, Limit - Reserved - Spent);

    /// <summary>The budget's name, e.g. <c>daily usd</c>.</summary>
    public string Budget => $"{Period} {Unit}";
}
