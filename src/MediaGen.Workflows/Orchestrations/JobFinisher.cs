namespace MediaGen.Workflows.Orchestrations;

/// <summary>The end of a single job: its budget reservation settled, final custom status, then (unless a batch reports for it) the notifications.</summary>
internal static class JobFinisher
{
    public static async Task<JobOutcome> FinishAsync(TaskOrchestrationContext context, RunningJob run, JobInput input, JobOutcome outcome)
    {
        await SettleAsync(context, input.Budget, outcome);
        if (!input.Notify)
        {
            run.Progress = run.Progress with { Phase = "done", NextCheckAt = null };
            return outcome;
        }

        run.Progress = run.Progress with { Phase = "notifying", NextCheckAt = null };
        var request = input.Request;
        var notification = new JobNotification(
            context.InstanceId, "job", outcome.Status, request.Kind, request.Provider, outcome.Result, outcome.Error,
            new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)), Cost: outcome.Cost, Providers: outcome.Providers);
        var problem = await JobNotifier.NotifyAsync(context, notification, request.CallbackUrl, input.Policy, input.TraceParent);
        run.Progress = run.Progress with { Phase = "done" };
        return outcome with { NotificationError = problem };
    }

    /// <summary>Settles <paramref name="hold"/> to what the outcome spent (retried until the budget store takes it; idempotent).</summary>
    public static async Task SettleAsync(TaskOrchestrationContext context, BudgetHold? hold, JobOutcome outcome)
    {
        if (hold is null)
        {
            return;
        }

        var unit = outcome.Cost?.Unit;
        var spent = hold.Amounts.Select(a => new BudgetAmount(a.Unit, a.Unit == unit ? outcome.Spent ?? a.Amount : 0m)).ToList();
        try
        {
            await context.CallCheckedAsync<bool>(nameof(SettleBudgetActivity), new BudgetSettlement(hold.Caller, spent), Settling);
        }
        catch (TaskFailedException)
        {
            // The budget store stayed unreachable through every retry: the reservation stays held (counted as spent
            // at its estimate until the period ends), which errs on the side of spending less. The job's outcome stands.
        }
    }

    private static readonly TaskOptions Settling = TaskOptions.FromRetryPolicy(new RetryPolicy(10, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));
}
