namespace MediaGen.Core.Jobs;

/// <summary>One page of jobs.</summary>
/// <param name="Jobs">The jobs of this page.</param>
/// <param name="ContinuationToken">Pass in the next query for the next page; null when this is the last.</param>
public sealed record JobPage(IReadOnlyList<JobState> Jobs, string? ContinuationToken);
