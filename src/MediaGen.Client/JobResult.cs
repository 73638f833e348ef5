namespace MediaGen.Client;

/// <summary>What a job produced.</summary>
/// <param name="Items">The stored media.</param>
public sealed record JobResult(IReadOnlyList<JobResultItem> Items)
{
    /// <summary>A text job's text.</summary>
    public string? Text { get; init; }

    /// <summary>Token usage, when the provider reports it.</summary>
    public JobUsage? Usage { get; init; }
}
