namespace MediaGen.Core.Jobs;

/// <summary>What a purge of finished jobs did.</summary>
/// <param name="CreatedBefore">The cut-off: finished instances created before it were deleted.</param>
/// <param name="Purged">Instances deleted (jobs, chains, batches and batch items).</param>
/// <param name="Complete">False when the engine stopped before deleting everything that matched (purge again).</param>
public sealed record JobPurgeResult(DateTimeOffset CreatedBefore, int Purged, bool Complete);
