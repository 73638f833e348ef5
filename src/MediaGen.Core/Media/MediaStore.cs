using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs.Specialized;
using MediaGen.Core.Telemetry;

namespace MediaGen.Core.Media;

/// <summary>
/// Copies generated media — provider URLs, <c>b64_json</c> / data URIs, or any stream — into Blob Storage under a
/// deterministic name (<see cref="MediaBlobNames"/>), with content type, size, SHA-256, provider, model and job id
/// recorded on the blob. Streams with bounded memory; fetches only what <see cref="Guard"/> allows.
/// </summary>
public sealed partial class MediaStore : IDisposable
{
    private readonly BlobServiceClient _blobs;
    private readonly MediaStoreOptions _options;
    private readonly ILogger<MediaStore> _logger;
    private readonly MediaSourceClient _sources;
    private readonly BlockUploader _uploader;
    private readonly ConcurrentDictionary<string, bool> _knownContainers = new(StringComparer.Ordinal);

    /// <summary>Creates the store; <paramref name="guard"/> decides which URLs may be fetched.</summary>
    public MediaStore(BlobServiceClient blobs, OutboundUrlGuard guard, IOptions<MediaStoreOptions> options, ILogger<MediaStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        Guard = guard ?? throw new ArgumentNullException(nameof(guard));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _sources = new MediaSourceClient(guard, _options);
        _uploader = new BlockUploader(_options);
    }

    /// <summary>The URL rules this store fetches by; the job API validates caller URLs with the same instance.</summary>
    public OutboundUrlGuard Guard { get; }

    /// <summary>
    /// Copies the media at <paramref name="sourceUrl"/> into Blob Storage: streamed through this process (default),
    /// or copied by the storage service when <see cref="MediaStoreOptions.UseServerSideCopy"/> is on.
    /// </summary>
    /// <exception cref="MediaCopyException">Blocked URL, source error, too large, empty, or storage failure; nothing is committed.</exception>
    public async Task<StoredMedia> CopyFromUrlAsync(Uri sourceUrl, MediaTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        ArgumentNullException.ThrowIfNull(target);
        Guard.EnsureAllowed(sourceUrl);
        var container = await GetContainerAsync(target, cancellationToken).ConfigureAwait(false);
        string? fixedName = null;
        if (_options.UseServerSideCopy)
        {
            var copied = await TryServerSideCopyAsync(sourceUrl, target, container, cancellationToken).ConfigureAwait(false);
            if (copied.Stored is not null)
            {
                return copied.Stored;
            }

            fixedName = copied.BlobName;
        }

        var source = MediaCopyException.Redact(sourceUrl);
        using var response = await _sources.GetAsync(sourceUrl, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBytes)
        {
            throw TooLarge(source, $"its Content-Length is {length} bytes", _options.MaxBytes);
        }

        var header = response.Content.Headers.ContentType?.ToString();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await StoreAsync(body, target, container, header, fixedName, "url", source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores inline media: a provider's <c>b64_json</c> (raw base64) or a <c>data:&lt;type&gt;;base64,…</c> URI, decoded a
    /// chunk at a time. A data URI's type counts as declared when <see cref="MediaTarget.ContentType"/> is not set.
    /// </summary>
    /// <exception cref="MediaCopyException">Invalid base64 or data URI, empty, too large, or storage failure.</exception>
    public async Task<StoredMedia> CopyInlineAsync(string data, MediaTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(target);
        var (base64, mediaType) = InlineMedia.Parse(data);
        var container = await GetContainerAsync(target, cancellationToken).ConfigureAwait(false);
        await using var decoded = new Base64DecodingStream(base64);
        return await StoreAsync(decoded, target, container, mediaType, null, "inline", "the inline data", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores <paramref name="content"/> (read to its end, not disposed), e.g. generated text with its declared type.</summary>
    /// <exception cref="MediaCopyException">Empty, too large, reading failed, or storage failure.</exception>
    public async Task<StoredMedia> UploadAsync(Stream content, MediaTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(target);
        var container = await GetContainerAsync(target, cancellationToken).ConfigureAwait(false);
        return await StoreAsync(content, target, container, null, null, "stream", "the content", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blob name <paramref name="target"/> gets when stored with <paramref name="contentType"/>.</summary>
    public string GetBlobName(MediaTarget target, string contentType)
    {
        ArgumentNullException.ThrowIfNull(target);
        return MediaBlobNames.For(target.Folder ?? _options.DefaultFolder, target.Prefix, target.JobId, target.ItemIndex, contentType);
    }

    /// <inheritdoc />
    public void Dispose() => _sources.Dispose();

    internal static MediaCopyException TooLarge(string source, string detail, long maxBytes) =>
        new(MediaCopyErrorKind.TooLarge, $"{source} is larger than the {maxBytes}-byte cap (Media:MaxBytes): {detail}.");

    /// <summary>The failure of an item whose content type its job's kind does not store (<see cref="MediaContentTypes.IsAllowed"/>).</summary>
    internal static MediaCopyException UnsupportedType(string source, string contentType, MediaTarget target) =>
        new(MediaCopyErrorKind.UnsupportedMediaType, target.Kind is { } kind
            ? $"{source} is '{contentType}', which {Jobs.JobRequestReader.KindText(kind)} jobs do not store; nothing was stored."
            : $"{source} is '{contentType}', not an image, video, audio or text type; nothing was stored.");

    /// <summary>Runs a Blob Storage call, turning its failures into <see cref="MediaCopyErrorKind.StorageFailed"/>.</summary>
    internal static async Task<T> StorageCallAsync<T>(string blobName, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw new MediaCopyException(MediaCopyErrorKind.StorageFailed,
                $"Blob Storage failed on '{blobName}': {ex.Status} {ex.ErrorCode}.", isTransient: ex.Status is 0 or 408 or 429 or >= 500, innerException: ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException))
        {
            // The SDK's retry policy gives up with the attempts' failures.
            throw new MediaCopyException(MediaCopyErrorKind.StorageFailed,
                $"Blob Storage failed on '{blobName}': {ex.InnerExceptions[^1].Message}", isTransient: true, innerException: ex);
        }
    }

    private async Task<StoredMedia> StoreAsync(
        Stream content, MediaTarget target, BlobContainerClient container, string? sourceContentType, string? fixedName,
        string kind, string sourceName, CancellationToken cancellationToken)
    {
        var metadata = BaseMetadata(target);
        BlockBlobClient ChooseBlob(ReadOnlySpan<byte> head, out string contentType)
        {
            contentType = MediaContentTypes.ChooseAllowed(target.Kind, target.ContentType, sourceContentType, head)
                ?? throw UnsupportedType(sourceName, MediaContentTypes.Choose(target.ContentType, sourceContentType, head), target);
            return container.GetBlockBlobClient(fixedName ?? GetBlobName(target, contentType));
        }

        using var span = StartUploadSpan(target, kind);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (blob, storedType, size, sha256) = await _uploader.UploadAsync(content, ChooseBlob, metadata, sourceName, cancellationToken).ConfigureAwait(false);
            Log.Stored(_logger, target.JobId, target.ItemIndex, kind, container.Name, blob.Name, storedType, size, sha256);
            RecordStored(span, target, storedType, size, Stopwatch.GetElapsedTime(started));
            return new StoredMedia(blob.Uri, container.Name, blob.Name, storedType, size, sha256);
        }
        catch (MediaCopyException ex)
        {
            MediaGenTelemetry.Fail(span, ex.Code);
            throw;
        }
    }

    /// <summary>A <c>blob upload</c> span (Client) for one stored item; null when nobody listens.</summary>
    internal static Activity? StartUploadSpan(MediaTarget target, string kind)
    {
        var span = MediaGenTelemetry.StartSpan("blob upload", ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.JobIdTag, target.JobId);
            span.SetTag(MediaGenTelemetry.ProviderTag, target.Provider);
            span.SetTag(MediaGenTelemetry.ModelTag, target.Model);
            span.SetTag("mediagen.copy.source", kind);
        }

        return span;
    }

    /// <summary>Records bytes and content type on the upload span and the copy throughput.</summary>
    internal static void RecordStored(Activity? span, MediaTarget target, string contentType, long size, TimeSpan elapsed)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.BytesTag, size);
            span.SetTag(MediaGenTelemetry.ContentTypeTag, contentType);
        }

        if (MediaGenTelemetry.CopyThroughput.Enabled && elapsed > TimeSpan.Zero)
        {
            MediaGenTelemetry.CopyThroughput.Record(size / elapsed.TotalSeconds, new KeyValuePair<string, object?>(MediaGenTelemetry.ProviderMetricTag, target.Provider));
        }
    }

    private async Task<BlobContainerClient> GetContainerAsync(MediaTarget target, CancellationToken cancellationToken)
    {
        var name = target.Container ?? _options.DefaultContainer;
        if (!MediaBlobNames.IsValidContainerName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid container name (3-63 lowercase letters, digits and single hyphens).", nameof(target));
        }

        if (!_options.IsOutputContainer(name))
        {
            // The job API refuses such jobs; this guards jobs that started before the rule (or a re-run of their input).
            throw new MediaCopyException(MediaCopyErrorKind.ContainerNotAllowed,
                $"'{name}' is not an output container (Media:DefaultContainer, Media:AllowedContainers); nothing was stored.");
        }

        // Fail on bad name parts before any I/O.
        _ = GetBlobName(target, MediaContentTypes.OctetStream);
        var container = _blobs.GetBlobContainerClient(name);
        if (_options.CreateContainer && !_knownContainers.ContainsKey(name))
        {
            await StorageCallAsync(name, () => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            _knownContainers.TryAdd(name, true);
        }

        return container;
    }

    private static Dictionary<string, string> BaseMetadata(MediaTarget target)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["jobid"] = target.JobId,
            ["itemindex"] = target.ItemIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(target.Provider))
        {
            metadata["provider"] = HeaderSafe(target.Provider);
        }

        if (!string.IsNullOrWhiteSpace(target.Model))
        {
            metadata["model"] = HeaderSafe(target.Model);
        }

        return metadata;
    }

    /// <summary>Metadata travels as HTTP headers: printable ASCII only.</summary>
    private static string HeaderSafe(string value) =>
        string.Create(Math.Min(value.Length, 256), value, (span, v) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = v[i] is >= ' ' and <= '~' ? v[i] : '_';
            }
        });
}
