namespace MediaGen.Core.Providers.Cosmic;

/// <summary>A media object Cosmic stored in the bucket's media library.</summary>
/// <param name="Id">Media id (the input of a video extension).</param>
/// <param name="Url">Download URL.</param>
/// <param name="Name">Stored file name.</param>
/// <param name="OriginalName">Original file name.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Folder">Media folder, if any.</param>
/// <param name="Type">MIME type, e.g. <c>video/mp4</c>.</param>
/// <param name="Bucket">Bucket id.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="ImgixUrl">imgix URL.</param>
/// <param name="AltText">Alt text.</param>
/// <param name="Metadata">Metadata: the caller's plus the provider's (duration, resolution, <c>veo_file_uri</c>, …).</param>
public sealed record CosmicMedia(
    string Id,
    string Url,
    string? Name = null,
    string? OriginalName = null,
    long? Size = null,
    string? Folder = null,
    string? Type = null,
    string? Bucket = null,
    DateTimeOffset? CreatedAt = null,
    string? ImgixUrl = null,
    string? AltText = null,
    IReadOnlyDictionary<string, JsonElement>? Metadata = null);
