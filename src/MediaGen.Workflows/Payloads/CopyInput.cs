namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.CopyMediaActivity"/>: one item of one job.</summary>
/// <param name="Item">The item to copy.</param>
/// <param name="Output">Where the job's media goes.</param>
/// <param name="Provider">The provider that generated it (blob metadata).</param>
/// <param name="Trace">The job's trace context and the attempt (spans only; never part of what the step does).</param>
/// <param name="Kind">The job's kind: the stored type must be one it allows. Null in payloads of jobs started before it was passed.</param>
public sealed record CopyInput(MediaToCopy Item, JobOutput? Output, string Provider, StepTrace? Trace = null, JobKind? Kind = null);
