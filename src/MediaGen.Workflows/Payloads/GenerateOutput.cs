namespace MediaGen.Workflows.Payloads;

/// <summary>Result of <see cref="Activities.GenerateActivity"/>.</summary>
/// <param name="Media">Items to copy, one activity each.</param>
/// <param name="Stored">Items the activity stored itself: generated text, and base64 images that exist only in the response.</param>
/// <param name="Text">Generated text, when small enough to return inline.</param>
/// <param name="Usage">Token usage the provider reported.</param>
/// <param name="ProviderId">The provider's id of the (first) item, e.g. the Cosmic media id a chain extends next.</param>
/// <param name="Failure">Why the call failed; null on success.</param>
/// <param name="Cost">This call's estimate and actual cost (on success).</param>
/// <param name="Copies">
/// The copy of each of <see cref="Media"/>, in order, when the input asked for them (<see cref="GenerateInput.CopyMedia"/>);
/// never part of the generation ledger's record (a re-run copies again).
/// </param>
public sealed record GenerateOutput(
    IReadOnlyList<MediaToCopy> Media,
    IReadOnlyList<JobResultItem> Stored,
    string? Text = null,
    JobUsage? Usage = null,
    string? ProviderId = null,
    StepFailure? Failure = null,
    JobCost? Cost = null,
    IReadOnlyList<CopyOutput>? Copies = null)
{
    /// <summary>A failed call.</summary>
    public static GenerateOutput Failed(StepFailure failure) => new([], [], Failure: failure);
}
