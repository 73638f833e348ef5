namespace MediaGen.Core.Jobs;

/// <summary>One item of a batch: a job of its own, with id <c>{batchId}.{index:D4}</c>.</summary>
/// <param name="Index">Position in the batch request (0-based).</param>
/// <param name="JobId">The item's job id (read it with the job API for its result).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Error">Why it failed or was canceled.</param>
/// <param name="Cost">What it costs (estimate, and actual once known).</param>
public sealed record BatchItemState(int Index, string JobId, JobStatus Status, JobError? Error = null, JobCost? Cost = null);
