using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MediaGen.Core.Media;

/// <summary>
/// Streams a source into a block blob with bounded memory: reads one block at a time into pooled buffers,
/// hashes (SHA-256) and counts on the fly, stages up to <see cref="MediaStoreOptions.UploadConcurrency"/> blocks in
/// parallel under deterministic ids, and commits only when the whole source is in and within the size cap — so a
/// failure leaves no committed blob (staged blocks stay invisible and expire). A source that fits in one block (most
/// images) is written with one Put Blob instead of a staged block and its commit: one storage request, just as atomic.
/// </summary>
internal sealed class BlockUploader(MediaStoreOptions options)
{
    /// <summary>Picks the content type from the first block and returns the blob to write.</summary>
    public delegate BlockBlobClient BlobChooser(ReadOnlySpan<byte> head, out string contentType);

    public async Task<(BlockBlobClient Blob, string ContentType, long Size, string Sha256)> UploadAsync(
        Stream source, BlobChooser chooseBlob, IDictionary<string, string> metadata, string sourceName, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var staging = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(Task Task, byte[] Buffer)>();
        var blockIds = new List<string>();
        // The first block waits until a second one arrives: alone, it is the whole blob (one Put Blob).
        (byte[] Buffer, int Count)? first = null;
        BlockBlobClient? blob = null;
        var contentType = MediaContentTypes.OctetStream;
        long size = 0;
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(options.BlockSize);
                int count;
                try
                {
                    count = await ReadBlockAsync(source, buffer.AsMemory(0, options.BlockSize), sourceName, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }

                if (count == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                size += count;
                if (size > options.MaxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw MediaStore.TooLarge(sourceName, $"more than {options.MaxBytes} bytes arrived", options.MaxBytes);
                }

                hash.AppendData(buffer, 0, count);
                if (blob is null)
                {
                    blob = chooseBlob(buffer.AsSpan(0, Math.Min(count, MediaContentTypes.SniffLength)), out contentType);
                    first = (buffer, count);
                    continue;
                }

                if (first is { } held)
                {
                    first = null;
                    blockIds.Add(BlockId(0));
                    inFlight.Enqueue((StageAsync(blob, blockIds[0], held.Buffer, held.Count, staging.Token), held.Buffer));
                }

                if (inFlight.Count >= options.UploadConcurrency)
                {
                    var done = inFlight.Dequeue();
                    await done.Task.ConfigureAwait(false);
                    ArrayPool<byte>.Shared.Return(done.Buffer);
                }

                var blockId = BlockId(blockIds.Count);
                blockIds.Add(blockId);
                inFlight.Enqueue((StageAsync(blob, blockId, buffer, count, staging.Token), buffer));
            }

            if (blob is null)
            {
                throw new MediaCopyException(MediaCopyErrorKind.InvalidData, $"{sourceName} has no bytes; empty media is not stored.");
            }

            while (inFlight.Count > 0)
            {
                var done = inFlight.Dequeue();
                await done.Task.ConfigureAwait(false);
                ArrayPool<byte>.Shared.Return(done.Buffer);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            metadata["sha256"] = sha256;
            metadata["size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var headers = new BlobHttpHeaders { ContentType = contentType };
            if (first is { } whole)
            {
                await MediaStore.StorageCallAsync(blob.Name, async () =>
                {
                    using var content = new MemoryStream(whole.Buffer, 0, whole.Count, writable: false);
                    return await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = headers, Metadata = metadata }, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
                return (blob, contentType, size, sha256);
            }

            await MediaStore.StorageCallAsync(blob.Name, () => blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions
            {
                HttpHeaders = headers,
                Metadata = metadata,
            }, cancellationToken)).ConfigureAwait(false);
            return (blob, contentType, size, sha256);
        }
        finally
        {
            if (first is { } unsent)
            {
                ArrayPool<byte>.Shared.Return(unsent.Buffer);
            }

            if (inFlight.Count > 0)
            {
                // Failed part-way: stop the remaining stage calls before their buffers go back to the pool.
                await staging.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(inFlight.Select(f => f.Task)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                foreach (var (_, buffer) in inFlight)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }

    /// <summary>Block ids are the same for the same position on every run, and all of one length as the service requires.</summary>
    internal static string BlockId(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("mediagen-" + index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));

    private static Task StageAsync(BlockBlobClient blob, string blockId, byte[] buffer, int count, CancellationToken cancellationToken) =>
        MediaStore.StorageCallAsync(blob.Name, async () =>
        {
            using var content = new MemoryStream(buffer, 0, count, writable: false);
            return await blob.StageBlockAsync(blockId, content, options: null, cancellationToken).ConfigureAwait(false);
        });

    private async Task<int> ReadBlockAsync(Stream source, Memory<byte> block, string sourceName, CancellationToken cancellationToken)
    {
        // Fresh per block: time spent waiting for staging must not count against the source.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filled = 0;
        try
        {
            while (filled < block.Length)
            {
                idle.CancelAfter(options.IdleTimeout);
                var n = await source.ReadAsync(block[filled..], idle.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                filled += n;
            }

            return filled;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaCopyException(MediaCopyErrorKind.SourceFailed,
                $"{sourceName} sent no data for {options.IdleTimeout.TotalSeconds:0.#} s.", isTransient: true, innerException: ex);
        }
        catch (IOException ex)
        {
            throw new MediaCopyException(MediaCopyErrorKind.SourceFailed, $"Reading {sourceName} failed: {ex.Message}", isTransient: true, innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MediaCopyException(MediaCopyErrorKind.SourceFailed, $"Reading {sourceName} failed: {ex.Message}", isTransient: true, innerException: ex);
        }
    }
}
