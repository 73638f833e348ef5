namespace MediaGen.Workflows.Payloads;

/// <summary>Result of <see cref="Activities.CopyMediaActivity"/>: the stored item, or why it could not be stored.</summary>
/// <param name="Item">The stored item.</param>
/// <param name="Failure">Why the copy failed; null on success.</param>
public sealed record CopyOutput(JobResultItem? Item, StepFailure? Failure = null);
