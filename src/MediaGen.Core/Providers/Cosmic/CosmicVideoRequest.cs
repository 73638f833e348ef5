namespace MediaGen.Core.Providers.Cosmic;

/// <summary>A Veo video generation (<c>POST /v3/buckets/{slug}/ai/video</c>); takes 30–180 s.</summary>
/// <param name="Prompt">What happens in the video (required).</param>
/// <param name="Model"><c>veo-3.1-fast-generate-preview</c> (default) or <c>veo-3.1-generate-preview</c>.</param>
/// <param name="Duration">4, 6 or 8 seconds; default 8.</param>
/// <param name="Resolution"><c>720p</c> (default) or <c>1080p</c>.</param>
/// <param name="ReferenceImages">At most 1 image URL, used as the first frame.</param>
/// <param name="Folder">Existing media folder to store the video in.</param>
/// <param name="Metadata">User JSON metadata stored with the media.</param>
public sealed record CosmicVideoRequest(
    string Prompt,
    string? Model = null,
    int? Duration = null,
    string? Resolution = null,
    IReadOnlyList<string>? ReferenceImages = null,
    string? Folder = null,
    IReadOnlyDictionary<string, JsonElement>? Metadata = null);
