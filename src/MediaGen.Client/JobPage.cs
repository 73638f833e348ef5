namespace MediaGen.Client;

/// <summary>One page of a job list.</summary>
/// <param name="Jobs">The jobs on it.</param>
/// <param name="ContinuationToken">The next page's token; null on the last page.</param>
public sealed record JobPage(IReadOnlyList<JobState> Jobs, string? ContinuationToken);
