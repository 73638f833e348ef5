namespace MediaGen.Durable.Storage.InMemory;

/// <summary>A blob container in memory: ETags, metadata, paged listing and leases (on the system clock).</summary>
internal sealed class InMemoryBlobStore : IBlobStore
{
    private readonly SortedDictionary<string, Blob> _blobs = new(StringComparer.Ordinal);
    private long _version;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            return Task.FromResult(_blobs.TryGetValue(name, out var blob) ? new StoredBlob(blob.Content, blob.ETag) : null);
        }
    }

    public Task<string?> WriteAsync(string name, BinaryData content, IReadOnlyDictionary<string, string> metadata, string? ifMatch, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            var exists = _blobs.TryGetValue(name, out var current);
            if (ifMatch is null ? exists : !exists || current!.ETag != ifMatch)
            {
                return Task.FromResult<string?>(null);
            }

            var blob = Store(name, content, metadata, current);
            return Task.FromResult<string?>(blob.ETag);
        }
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            return Task.FromResult(_blobs.ContainsKey(name));
        }
    }

    public Task OverwriteAsync(string name, BinaryData content, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            Store(name, content, new Dictionary<string, string>(), _blobs.GetValueOrDefault(name));
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            return Task.FromResult(_blobs.Remove(name));
        }
    }

    public Task<(IReadOnlyList<BlobEntry> Entries, string? ContinuationToken)> ListAsync(
        string prefix, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            var page = _blobs
                .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)
                    && (continuationToken is null || string.CompareOrdinal(pair.Key, continuationToken) >= 0))
                .Take(pageSize + 1)
                .ToList();
            var next = page.Count > pageSize ? page[^1].Key : null;
            IReadOnlyList<BlobEntry> entries = [.. page.Take(pageSize).Select(pair => new BlobEntry(pair.Key, pair.Value.Metadata, pair.Value.LastModified))];
            return Task.FromResult((entries, next));
        }
    }

    public Task<bool> TryAcquireLeaseAsync(string name, string leaseId, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            if (!_blobs.TryGetValue(name, out var blob))
            {
                return Task.FromResult(false);
            }

            var now = DateTimeOffset.UtcNow;
            if (blob.LeaseId is not null && blob.LeaseId != leaseId && blob.LeaseExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            blob.LeaseId = leaseId;
            blob.LeaseDuration = duration;
            blob.LeaseExpiresAt = now + duration;
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryRenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            var now = DateTimeOffset.UtcNow;
            if (!_blobs.TryGetValue(name, out var blob) || blob.LeaseId != leaseId)
            {
                return Task.FromResult(false);
            }

            blob.LeaseExpiresAt = now + blob.LeaseDuration;
            return Task.FromResult(true);
        }
    }

    public Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken)
    {
        lock (_blobs)
        {
            if (_blobs.TryGetValue(name, out var blob) && blob.LeaseId == leaseId)
            {
                blob.LeaseId = null;
            }
        }

        return Task.CompletedTask;
    }

    private Blob Store(string name, BinaryData content, IReadOnlyDictionary<string, string> metadata, Blob? current)
    {
        var blob = new Blob(content, "\"" + Interlocked.Increment(ref _version) + "\"", new Dictionary<string, string>(metadata), DateTimeOffset.UtcNow)
        {
            LeaseId = current?.LeaseId,
            LeaseDuration = current?.LeaseDuration ?? TimeSpan.Zero,
            LeaseExpiresAt = current?.LeaseExpiresAt ?? default,
        };
        _blobs[name] = blob;
        return blob;
    }

    private sealed record Blob(BinaryData Content, string ETag, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset LastModified)
    {
        public string? LeaseId { get; set; }

        public TimeSpan LeaseDuration { get; set; }

        public DateTimeOffset LeaseExpiresAt { get; set; }
    }
}
