namespace MediaGen.Workflows.Payloads;

/// <summary>
/// What the results queue message and the signed callback carry when a job, batch or chain ends (serialized with
/// <see cref="JobJson.Options"/>).
/// </summary>
/// <param name="Id">The job, batch or chain id.</param>
/// <param name="Type"><c>job</c>, <c>batch</c> or <c>chain</c>.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Kind">What it generated (jobs and chains).</param>
/// <param name="Provider">Who generated it (jobs and chains).</param>
/// <param name="Result">What was stored.</param>
/// <param name="Error">Why it failed or was canceled.</param>
/// <param name="CompletedAt">When it ended.</param>
/// <param name="FailedStep">Chains: the step that failed.</param>
/// <param name="Items">Batches: per-item outcomes (left out when the message would be too large; read the batch instead).</param>
/// <param name="Counts">Batches: how many items ended how.</param>
/// <param name="Cost">Jobs and chains: the estimate and actual cost.</param>
/// <param name="Providers">Jobs with fallbacks: which provider served and why each earlier one was skipped.</param>
/// <param name="CostTotals">Batches: the items' costs summed per unit.</param>
public sealed record JobNotification(
    string Id,
    string Type,
    JobStatus Status,
    JobKind? Kind,
    ProviderName? Provider,
    JobResult? Result,
    JobError? Error,
    DateTimeOffset CompletedAt,
    int? FailedStep = null,
    IReadOnlyList<BatchItemState>? Items = null,
    BatchProgress? Counts = null,
    JobCost? Cost = null,
    IReadOnlyList<CostTotal>? CostTotals = null,
    IReadOnlyList<ProviderAttempt>? Providers = null);
