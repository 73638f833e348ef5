namespace MediaGen.Client;

/// <summary>One batch item.</summary>
/// <param name="Index">Its position in the batch.</param>
/// <param name="JobId">Its job's id (read the job for its result).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Error">Why it failed or was canceled.</param>
/// <param name="Cost">What it costs.</param>
public sealed record BatchItemState(int Index, string JobId, JobStatus Status, JobError? Error = null, JobCost? Cost = null);
