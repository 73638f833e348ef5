namespace MediaGen.Workflows.Activities;

/// <summary>
/// Settles the calling instance's budget reservations (<see cref="BudgetLedger.SettleAsync"/>; keyed by the instance id,
/// so a re-run settles nothing twice). A storage failure throws, and the orchestration's retry policy calls it again.
/// </summary>
public sealed class SettleBudgetActivity(BudgetLedger ledger) : TaskActivity<BudgetSettlement, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, BudgetSettlement input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var spent in input.Spent)
        {
            await ledger.SettleAsync(input.Caller, context.InstanceId, spent.Unit, spent.Amount).ConfigureAwait(false);
        }

        return true;
    }
}
