namespace MediaGen.Workflows.Payloads;

/// <summary>Output of a job, batch item or chain orchestration: how it ended. Job failures are outcomes, not orchestration failures.</summary>
/// <param name="Status"><see cref="JobStatus.Completed"/>, <see cref="JobStatus.Failed"/> or <see cref="JobStatus.Canceled"/>.</param>
/// <param name="Result">What was stored; for a chain that stopped early, the segments stored before it stopped.</param>
/// <param name="Error">Why it failed or was canceled.</param>
/// <param name="FailedStep">For a chain: the 1-based step that failed.</param>
/// <param name="NotificationError">Why the completion message or callback could not be delivered, if it could not.</param>
/// <param name="Cost">The estimate and, once something was bought, the actual cost.</param>
/// <param name="NothingBought">Whether no provider call of the job bought anything (none made, or every one failed proving it).</param>
/// <param name="Providers">Jobs with fallbacks: every provider tried, which served and why each earlier one was skipped.</param>
/// <param name="Spent">What the job's budget is charged: the actual cost, the estimate when a purchase may have happened without a known cost, 0 when nothing was bought.</param>
public sealed record JobOutcome(
    JobStatus Status,
    JobResult? Result = null,
    JobError? Error = null,
    int? FailedStep = null,
    string? NotificationError = null,
    JobCost? Cost = null,
    decimal? Spent = null,
    bool NothingBought = false,
    IReadOnlyList<ProviderAttempt>? Providers = null);
