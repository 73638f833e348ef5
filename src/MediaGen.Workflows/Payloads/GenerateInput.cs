namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.GenerateActivity"/>: one call to a synchronous provider.</summary>
/// <param name="Request">The job request (its params are bound again in the activity).</param>
/// <param name="FirstItemIndex">Index of the first item this call produces (chains number their segments).</param>
/// <param name="Trace">The job's trace context and the attempt (spans only; never part of what the step does).</param>
/// <param name="CopyMedia">
/// Whether a successful call's <see cref="GenerateOutput.Media"/> is also copied into Blob Storage by the same activity
/// (<see cref="GenerateOutput.Copies"/>): one activity round trip less per job. False in payloads of jobs started before.
/// </param>
public sealed record GenerateInput(JobRequest Request, int FirstItemIndex = 0, StepTrace? Trace = null, bool CopyMedia = false);
