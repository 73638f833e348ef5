namespace MediaGen.Core.Providers.Cosmic;

/// <summary>An image generation (<c>POST /v3/buckets/{slug}/ai/image</c>).</summary>
/// <param name="Prompt">What to draw (required).</param>
/// <param name="Model"><c>gemini-3.1-flash-image-preview</c> (default), <c>gemini-3-pro-image-preview</c> or <c>dall-e-3</c>.</param>
/// <param name="Size">Per model (see <see cref="CosmicCatalog.ImageSizes"/>); default <c>1024x1024</c>.</param>
/// <param name="Quality"><c>standard</c> (default) or <c>hd</c>; DALL-E 3 only.</param>
/// <param name="AspectRatio">Gemini only; per model (see <see cref="CosmicCatalog.AspectRatios"/>).</param>
/// <param name="ReferenceImages">Gemini only: up to 14 (Flash) or 5 (Pro) image URLs.</param>
/// <param name="Folder">Existing media folder to store the image in.</param>
/// <param name="AltText">Alt text of the image.</param>
/// <param name="Metadata">User JSON metadata stored with the media.</param>
public sealed record CosmicImageRequest(
    string Prompt,
    string? Model = null,
    string? Size = null,
    string? Quality = null,
    string? AspectRatio = null,
    IReadOnlyList<string>? ReferenceImages = null,
    string? Folder = null,
    string? AltText = null,
    IReadOnlyDictionary<string, JsonElement>? Metadata = null);
