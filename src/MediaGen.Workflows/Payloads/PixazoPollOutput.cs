namespace MediaGen.Workflows.Payloads;

/// <summary>Result of <see cref="Activities.PixazoPollActivity"/>.</summary>
/// <param name="Report">The status; null when the poll failed.</param>
/// <param name="Failure">Why the poll failed; null on success.</param>
public sealed record PixazoPollOutput(PixazoStatusReport? Report, StepFailure? Failure = null);
