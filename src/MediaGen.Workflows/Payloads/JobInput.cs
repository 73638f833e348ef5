namespace MediaGen.Workflows.Payloads;

/// <summary>Input of a single generation orchestration (a job, or one item of a batch).</summary>
/// <param name="Request">The validated job request.</param>
/// <param name="Deadline">
/// When the job fails with a timeout error if not finished; null: <see cref="JobPolicy.JobTimeout"/> after the orchestration
/// starts (batch items without a deadline of their own, so each item's time counts from its own start).
/// </param>
/// <param name="Policy">Retry and polling settings captured at start.</param>
/// <param name="Notify">Whether the job itself reports completion (results queue, callback); batch items leave that to the batch.</param>
/// <param name="Resume">Where a Pixazo job continues after <c>ContinueAsNew</c> (null on the first generation).</param>
/// <param name="Cost">The cost estimate made before the job started (null for jobs started before costs existed).</param>
/// <param name="CandidateCosts">Jobs with fallbacks: the estimate of each provider to try, in order (<see cref="JobRequest.Candidates"/>).</param>
/// <param name="Budget">The budget reservation the job settles when it ends (null: none, e.g. a batch item, whose batch holds it).</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the span that started it, so every activity, replay and process joins one trace; null when started without one.</param>
/// <param name="Owner">The caller that started it (batch items and failover children: their parent's); null for jobs started before owners were recorded.</param>
public sealed record JobInput(
    JobRequest Request,
    DateTimeOffset? Deadline,
    JobPolicy Policy,
    bool Notify = true,
    PixazoResume? Resume = null,
    JobCost? Cost = null,
    BudgetHold? Budget = null,
    IReadOnlyList<JobCost>? CandidateCosts = null,
    string? TraceParent = null,
    string? Owner = null);
