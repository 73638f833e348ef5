using MediaGen.Core.Jobs;

namespace MediaGen.Core.Workflows.Payloads;

/// <summary>Input of a single generation orchestration (a job, or one item of a batch).</summary>
/// <param name="Request">The validated job request.</param>
/// <param name="Deadline">When the job fails with a timeout error if not finished.</param>
/// <param name="Policy">Retry and polling settings captured at start.</param>
/// <param name="Notify">Whether the job itself reports completion (results queue, callback); batch items leave that to the batch.</param>
public sealed record JobInput(JobRequest Request, DateTimeOffset Deadline, JobPolicy Policy, bool Notify = true);
