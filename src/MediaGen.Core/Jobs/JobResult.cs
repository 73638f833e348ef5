namespace MediaGen.Core.Jobs;

/// <summary>What a finished job produced.</summary>
/// <param name="Items">Each stored media item (text jobs store the text as a blob too).</param>
/// <param name="Text">Generated text inline, when it is small enough.</param>
/// <param name="Usage">Token usage / cost, when the provider reports it.</param>
public sealed record JobResult(IReadOnlyList<JobResultItem> Items, string? Text = null, JobUsage? Usage = null);
