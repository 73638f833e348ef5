namespace MediaGen.Simulator.Cosmic;

/// <summary>The <c>media</c> object of Cosmic image, video, extension and audio responses.</summary>
public sealed record CosmicMedia(
    string Id,
    string Name,
    string OriginalName,
    long Size,
    string? Folder,
    string Type,
    string Bucket,
    string CreatedAt,
    string Url,
    string ImgixUrl,
    string? AltText,
    JsonObject Metadata);
