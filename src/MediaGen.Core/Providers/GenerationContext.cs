using MediaGen.Core.Media;

namespace MediaGen.Core.Providers;

/// <summary>
/// What a synchronous generate call may use: the provider's client (from the host's services), the media store for what
/// exists only in the response, stored under the item's deterministic blob name so a re-run overwrites rather than
/// duplicates, and the inline-text limit.
/// </summary>
/// <param name="services">The host's services (the provider clients are typed HTTP clients there).</param>
/// <param name="media">The media store.</param>
/// <param name="jobId">The job.</param>
/// <param name="request">The job request (its output location).</param>
/// <param name="firstItemIndex">Index of the first item the call produces.</param>
/// <param name="inlineTextMaxBytes">Largest generated text returned inline.</param>
public sealed class GenerationContext(IServiceProvider services, MediaStore media, string jobId, JobRequest request, int firstItemIndex, int inlineTextMaxBytes)
{
    /// <summary>Index of the first item the call produces (chains number their segments).</summary>
    public int FirstItemIndex { get; } = firstItemIndex;

    /// <summary>Largest generated text, in UTF-8 bytes, returned inline.</summary>
    public int InlineTextMaxBytes { get; } = inlineTextMaxBytes;

    /// <summary>The provider's client.</summary>
    public TClient Client<TClient>()
        where TClient : notnull => services.GetRequiredService<TClient>();

    /// <summary>Stores item <paramref name="index"/> of the job from <paramref name="content"/>.</summary>
    public Task<StoredMedia> StoreAsync(Stream content, int index, string? model, string? contentType = null) =>
        media.UploadAsync(content, new MediaTarget(jobId, index)
        {
            Provider = WireNames.Of(request.Provider),
            Model = model,
            Kind = request.Kind,
            Container = request.Output?.Container,
            Folder = request.Output?.Folder,
            Prefix = request.Output?.Prefix,
            ContentType = contentType,
        });

    /// <summary>The result item of stored media.</summary>
    public static JobResultItem Item(StoredMedia stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.BlobUri, stored.ContentType, stored.Size, stored.Sha256);
    }
}
