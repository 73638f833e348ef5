namespace MediaGen.Workflows.Payloads;

/// <summary>Result of <see cref="Activities.PixazoSubmitActivity"/>.</summary>
/// <param name="Report">The request's status as the submit answered it (QUEUED, or final in sync mode); null on failure.</param>
/// <param name="Replayed">True when this submission had already been made and its recorded request id was returned (nothing bought).</param>
/// <param name="Failure">Why the submission failed; null on success.</param>
public sealed record PixazoSubmitOutput(PixazoStatusReport? Report, bool Replayed = false, StepFailure? Failure = null);
