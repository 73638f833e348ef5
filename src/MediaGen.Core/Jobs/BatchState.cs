namespace MediaGen.Core.Jobs;

/// <summary>A batch as callers see it.</summary>
/// <param name="Id">The batch id.</param>
/// <param name="Status">Pending, Running, then Completed (whatever its items did) or Canceled.</param>
/// <param name="Total">Items in the batch.</param>
/// <param name="Completed">Items completed.</param>
/// <param name="Failed">Items failed.</param>
/// <param name="Canceled">Items canceled.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Items">Every item's status, in request order (read an item with the job API for its result).</param>
/// <param name="CostTotals">The items' costs summed per unit.</param>
/// <param name="Caller">Whose batch it is (the caller that started it); absent for batches started before owners were recorded.</param>
/// <param name="ExpiresAt">Once it has ended: when its record (and its items' records and media) are deleted (its end + <c>Retention__Days</c>); absent while it runs or when retention is off.</param>
public sealed record BatchState(
    string Id,
    JobStatus Status,
    int Total,
    int Completed,
    int Failed,
    int Canceled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<BatchItemState> Items,
    IReadOnlyList<CostTotal>? CostTotals = null,
    string? Caller = null,
    DateTimeOffset? ExpiresAt = null);
