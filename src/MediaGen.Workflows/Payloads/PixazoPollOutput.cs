namespace MediaGen.Workflows.Payloads;

/// <summary>Result of <see cref="Activities.PixazoPollActivity"/>.</summary>
/// <param name="Report">The status; null when the poll failed.</param>
/// <param name="Failure">Why the poll failed; null on success.</param>
/// <param name="Copies">
/// The copy of each media URL of a COMPLETED report, in item order, when the input asked for it
/// (<see cref="PixazoPollInput.CopyWhenCompleted"/>); null otherwise.
/// </param>
/// <param name="CopySeconds">How long making <paramref name="Copies"/> took inside the activity.</param>
public sealed record PixazoPollOutput(PixazoStatusReport? Report, StepFailure? Failure = null, IReadOnlyList<CopyOutput>? Copies = null, double CopySeconds = 0);
