namespace MediaGen.Workflows.Budgets;

/// <summary>A job's estimate does not fit its caller's remaining budget; nothing was started or bought (HTTP 402).</summary>
public sealed class BudgetExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BudgetExceededException(BudgetRefusal refusal)
        : base(Describe(refusal)) => Refusal = refusal;

    /// <summary>Creates the exception (for serializers; prefer the refusal constructor).</summary>
    public BudgetExceededException()
        : base("The job does not fit the budget.") => Refusal = new BudgetRefusal("", "", "", 0m, 0m, 0m, null);

    /// <summary>Creates the exception (for serializers; prefer the refusal constructor).</summary>
    public BudgetExceededException(string message)
        : base(message) => Refusal = new BudgetRefusal("", "", "", 0m, 0m, 0m, null);

    /// <summary>Creates the exception (for serializers; prefer the refusal constructor).</summary>
    public BudgetExceededException(string message, Exception innerException)
        : base(message, innerException) => Refusal = new BudgetRefusal("", "", "", 0m, 0m, 0m, null);

    /// <summary>Which budget refused, and the figures.</summary>
    public BudgetRefusal Refusal { get; }

    private static string Describe(BudgetRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return refusal.Estimate is { } estimate
            ? string.Create(inv, $"The job's estimate of {estimate} {refusal.Unit} does not fit the {refusal.Budget} budget of caller '{refusal.Caller}': {refusal.Remaining} of {refusal.Limit} remain ({refusal.Reserved} reserved by running jobs, {refusal.Spent} spent).")
            : string.Create(inv, $"The job's cost in {refusal.Unit} is unknown (the price tables do not price it), so it cannot be admitted under the {refusal.Budget} budget of caller '{refusal.Caller}' ({refusal.Remaining} of {refusal.Limit} remain).");
    }
}
