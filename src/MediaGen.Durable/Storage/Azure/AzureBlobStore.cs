using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MediaGen.Durable.Storage.Azure;

/// <summary>An Azure Storage blob container: conditional block-blob writes, metadata listing, blob leases.</summary>
internal sealed class AzureBlobStore(BlobContainerClient container) : IBlobStore
{
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StoredBlob(response.Value.Content, response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(name).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    public async Task<string?> WriteAsync(string name, BinaryData content, IReadOnlyDictionary<string, string> metadata, string? ifMatch, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Metadata = metadata.ToDictionary(),
            Conditions = ifMatch is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(ifMatch) },
        };
        try
        {
            var response = await container.GetBlobClient(name).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 || (ex.Status == 404 && ifMatch is not null))
        {
            return null;
        }
    }

    public Task OverwriteAsync(string name, BinaryData content, CancellationToken cancellationToken) =>
        container.GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;

    public async Task<(IReadOnlyList<BlobEntry> Entries, string? ContinuationToken)> ListAsync(
        string prefix, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var pages = container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).AsPages(continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            IReadOnlyList<BlobEntry> entries = [.. page.Values.Select(b => new BlobEntry(
                b.Name, (IReadOnlyDictionary<string, string>?)b.Metadata ?? new Dictionary<string, string>(), b.Properties.LastModified ?? DateTimeOffset.MinValue))];
            return (entries, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string leaseId, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(name).GetBlobLeaseClient(leaseId).AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 404)
        {
            return false;
        }
    }

    public async Task<bool> TryRenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(name).GetBlobLeaseClient(leaseId).RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 404)
        {
            return false;
        }
    }

    public async Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(name).GetBlobLeaseClient(leaseId).ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 404)
        {
            // Lost already: nothing to release.
        }
    }
}
