using MediaGen.Core.Jobs;

namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.CopyMediaActivity"/>: one item of one job.</summary>
/// <param name="Item">The item to copy.</param>
/// <param name="Output">Where the job's media goes.</param>
/// <param name="Provider">The provider that generated it (blob metadata).</param>
public sealed record CopyInput(MediaToCopy Item, JobOutput? Output, string Provider);
