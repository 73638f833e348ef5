namespace MediaGen.Client;

/// <summary>A batch with its item counts and every item's status.</summary>
/// <param name="Id">The id.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Total">Items.</param>
/// <param name="Completed">Items completed.</param>
/// <param name="Failed">Items failed.</param>
/// <param name="Canceled">Items canceled.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Items">Every item.</param>
public sealed record BatchState(
    string Id, JobStatus Status, int Total, int Completed, int Failed, int Canceled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<BatchItemState> Items)
{
    /// <summary>Per unit: the estimates, with the actual cost of items that ended.</summary>
    public IReadOnlyList<CostTotal>? CostTotals { get; init; }

    /// <summary>The caller it belongs to.</summary>
    public string? Caller { get; init; }

    /// <summary>Once it has ended: when its record and its items' records and media are deleted (null while it runs, or when the service keeps them forever).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Whether it has ended.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Canceled;
}
