namespace MediaGen.Core.Jobs;

/// <summary>When each item of a batch ran (<c>GET /api/batches/{id}/timeline</c>): the dashboard's Gantt chart.</summary>
/// <param name="BatchId">The batch.</param>
/// <param name="CreatedAt">When the batch was accepted.</param>
/// <param name="Items">Every item started so far, by index (an item not started yet is not listed).</param>
public sealed record BatchTimeline(string BatchId, DateTimeOffset CreatedAt, IReadOnlyList<BatchTimelineItem> Items);
