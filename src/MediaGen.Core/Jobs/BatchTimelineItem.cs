namespace MediaGen.Core.Jobs;

/// <summary>One item of a <see cref="BatchTimeline"/>.</summary>
/// <param name="Index">The item's position in the batch request.</param>
/// <param name="JobId">The item's job id.</param>
/// <param name="Status">Where it stands (its outcome once finished).</param>
/// <param name="CreatedAt">When the item's job was accepted (started by the batch).</param>
/// <param name="UpdatedAt">When it last changed: when it finished, once finished.</param>
public sealed record BatchTimelineItem(int Index, string JobId, JobStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
