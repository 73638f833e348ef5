namespace MediaGen.Workflows.Payloads;

/// <summary>Output of a batch (and of each chunk): every item's outcome, in batch order.</summary>
/// <param name="Items">Per-item outcomes.</param>
/// <param name="Canceled">Whether the batch (or chunk) was canceled: items not started then are <see cref="JobStatus.Canceled"/>.</param>
/// <param name="NotificationError">Why the completion message or callback could not be delivered, if it could not.</param>
public sealed record BatchOutcome(IReadOnlyList<BatchItemState> Items, bool Canceled = false, string? NotificationError = null);
