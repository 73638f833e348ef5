namespace MediaGen.Workflows.Payloads;

/// <summary>
/// The state a Pixazo job carries into its next generation when its poll loop continues as new: the submission and
/// request it waits for, the poll backoff, and the deadline fixed on the first generation.
/// </summary>
/// <param name="Submission">The current submission number (1-based).</param>
/// <param name="RequestId">The Pixazo request being waited for.</param>
/// <param name="Delay">The next poll wait.</param>
/// <param name="PollFailures">Consecutive failed polls so far.</param>
/// <param name="Deadline">The job's deadline (UTC).</param>
/// <param name="Progress">The custom status so far.</param>
/// <param name="SubmittedAt">When the current submission was accepted (orchestration time), for the generation-duration metric.</param>
/// <param name="FirstProviderCallAt">When the job's first submit began (orchestration time): its metrics' start of provider time, and proof its <c>started</c> event was sent.</param>
public sealed record PixazoResume(
    int Submission, string RequestId, TimeSpan Delay, int PollFailures, DateTimeOffset Deadline, JobProgress Progress, DateTime? SubmittedAt = null, DateTime? FirstProviderCallAt = null);
