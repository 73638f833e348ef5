namespace MediaGen.Workflows.Retention;

/// <summary>What is kept of a job, chain or batch after its retention period: enough to answer 410 Gone, and to whom.</summary>
/// <param name="Id">The job, chain or batch id.</param>
/// <param name="Type"><c>job</c> (jobs and chains) or <c>batch</c>.</param>
/// <param name="Owner">The caller that started it; null for ids started before owners were recorded.</param>
/// <param name="Status">How it ended.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="ExpiredAt">When its record and media were deleted.</param>
public sealed record JobTombstone(string Id, string Type, string? Owner, JobStatus Status, DateTimeOffset FinishedAt, DateTimeOffset ExpiredAt);
