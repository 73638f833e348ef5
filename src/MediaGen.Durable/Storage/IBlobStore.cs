namespace MediaGen.Durable.Storage;

/// <summary>The blob operations the runtime needs, on one container: conditional writes, listing with metadata, leases.</summary>
public interface IBlobStore
{
    /// <summary>Creates the container when it does not exist.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken);

    /// <summary>The blob, or null when it does not exist.</summary>
    Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the blob if it still has ETag <paramref name="ifMatch"/> (or, when that is null, if it does
    /// not exist yet). Returns the new ETag, or null when the condition failed.
    /// </summary>
    Task<string?> WriteAsync(string name, BinaryData content, IReadOnlyDictionary<string, string> metadata, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>Whether the blob exists.</summary>
    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes the blob whatever it holds.</summary>
    Task OverwriteAsync(string name, BinaryData content, CancellationToken cancellationToken);

    /// <summary>Deletes the blob; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>One page of blobs whose names start with <paramref name="prefix"/>, with their metadata.</summary>
    Task<(IReadOnlyList<BlobEntry> Entries, string? ContinuationToken)> ListAsync(
        string prefix, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Takes (or renews, when the same id holds it) the lease on an existing blob; false when another holds it.</summary>
    Task<bool> TryAcquireLeaseAsync(string name, string leaseId, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Renews a lease this id holds; false when it was lost.</summary>
    Task<bool> TryRenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken);

    /// <summary>Releases a lease this id holds (nothing happens when it was lost).</summary>
    Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken);
}
