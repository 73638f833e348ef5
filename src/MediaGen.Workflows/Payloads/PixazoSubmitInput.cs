namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.PixazoSubmitActivity"/>.</summary>
/// <param name="Request">The job request (text-to-image or image-to-video).</param>
/// <param name="Submission">1 for the first submission; higher after an ERROR was resubmitted. The idempotency key with the job id.</param>
/// <param name="Trace">The job's trace context and the attempt (spans only; never part of what the step does).</param>
public sealed record PixazoSubmitInput(JobRequest Request, int Submission, StepTrace? Trace = null);
