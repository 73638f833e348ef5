using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;

namespace MediaGen.Core.Media;

/// <summary>The server-side copy path (<see cref="MediaStoreOptions.UseServerSideCopy"/>).</summary>
public sealed partial class MediaStore
{
    /// <summary>
    /// Lets the storage service fetch <paramref name="url"/>, then reads the blob back once to record SHA-256, size
    /// and the sniffed content type. The name is fixed before the copy (declared type, else the URL's extension), and
    /// a streaming fallback reuses it. Returns no result when the service cannot fetch the source.
    /// </summary>
    private async Task<(StoredMedia? Stored, string BlobName)> TryServerSideCopyAsync(
        Uri url, MediaTarget target, BlobContainerClient container, CancellationToken cancellationToken)
    {
        // The service connects, not us, so the connect-time check cannot run: resolve and check up front.
        await Guard.EnsureAllowedAsync(url, cancellationToken).ConfigureAwait(false);
        var nameType = MediaContentTypes.Choose(target.ContentType ?? MediaContentTypes.FromExtension(url.AbsolutePath), null, default);
        var blob = container.GetBlobClient(GetBlobName(target, nameType));
        var source = MediaCopyException.Redact(url);
        using var span = StartUploadSpan(target, "server-copy");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var operation = await blob.StartCopyFromUriAsync(url, new BlobCopyFromUriOptions { Metadata = BaseMetadata(target) }, cancellationToken).ConfigureAwait(false);
            await operation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            Log.ServerSideCopyFallback(_logger, target.JobId, target.ItemIndex, source, ex.Status, ex.ErrorCode ?? "");
            return (null, blob.Name);
        }

        var properties = (await StorageCallAsync(blob.Name, () => blob.GetPropertiesAsync(cancellationToken: cancellationToken)).ConfigureAwait(false)).Value;
        if (properties.CopyStatus != CopyStatus.Success)
        {
            Log.ServerSideCopyFallback(_logger, target.JobId, target.ItemIndex, source, 0, properties.CopyStatus.ToString());
            await StorageCallAsync(blob.Name, () => blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            return (null, blob.Name);
        }

        if (properties.ContentLength > _options.MaxBytes || properties.ContentLength == 0)
        {
            await StorageCallAsync(blob.Name, () => blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            throw properties.ContentLength == 0
                ? new MediaCopyException(MediaCopyErrorKind.InvalidData, $"{source} has no bytes; empty media is not stored.")
                : TooLarge(source, $"the copied blob has {properties.ContentLength} bytes", _options.MaxBytes);
        }

        var (sha256, head) = await HashBlobAsync(blob, cancellationToken).ConfigureAwait(false);
        if (MediaContentTypes.ChooseAllowed(target.Kind, target.ContentType, properties.ContentType, head) is not { } contentType)
        {
            await StorageCallAsync(blob.Name, () => blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            throw UnsupportedType(source, MediaContentTypes.Choose(target.ContentType, properties.ContentType, head), target);
        }

        var metadata = BaseMetadata(target);
        metadata["sha256"] = sha256;
        metadata["size"] = properties.ContentLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await StorageCallAsync(blob.Name, () => blob.SetHttpHeadersAsync(new BlobHttpHeaders { ContentType = contentType }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await StorageCallAsync(blob.Name, () => blob.SetMetadataAsync(metadata, cancellationToken: cancellationToken)).ConfigureAwait(false);
        Log.Stored(_logger, target.JobId, target.ItemIndex, "server-copy", container.Name, blob.Name, contentType, properties.ContentLength, sha256);
        RecordStored(span, target, contentType, properties.ContentLength, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return (new StoredMedia(blob.Uri, container.Name, blob.Name, contentType, properties.ContentLength, sha256), blob.Name);
    }

    private async Task<(string Sha256, byte[] Head)> HashBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[MediaContentTypes.SniffLength];
        var headCount = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            await using var read = await StorageCallAsync(blob.Name, () => blob.OpenReadAsync(
                new BlobOpenReadOptions(allowModifications: false) { BufferSize = _options.BlockSize }, cancellationToken)).ConfigureAwait(false);
            int n;
            while ((n = await read.ReadAsync(buffer.AsMemory(0, 1024 * 1024), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                var take = Math.Min(n, head.Length - headCount);
                buffer.AsSpan(0, take).CopyTo(head.AsSpan(headCount));
                headCount += take;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), head[..headCount]);
    }
}
