namespace MediaGen.Workflows.Retention;

/// <summary>What one retention pass (<see cref="RetentionPurger.PurgeOnceAsync"/>) did.</summary>
/// <param name="AsOf">When the pass ran.</param>
/// <param name="Cutoff">Everything finished before it expired; null when retention is off (<c>Retention:Days</c> = 0).</param>
/// <param name="Expired">Jobs, chains, batches (and their items) that expired: a tombstone each.</param>
/// <param name="Instances">Engine instances purged (batch chunks included).</param>
/// <param name="BlobsDeleted">Media blobs deleted.</param>
public sealed record RetentionPurgeResult(DateTimeOffset AsOf, DateTimeOffset? Cutoff, int Expired, int Instances, int BlobsDeleted);
