namespace MediaGen.Core.Providers.Cosmic;

/// <summary>An 8-second, 720p continuation of a Veo video (<c>POST /v3/buckets/{slug}/ai/video/extend</c>).</summary>
/// <param name="MediaId">Id of the Veo-generated video to extend (required).</param>
/// <param name="Prompt">How the video continues (required).</param>
/// <param name="Model"><c>veo-3.1-fast-generate-preview</c> (default) or <c>veo-3.1-generate-preview</c>.</param>
/// <param name="Folder">Existing media folder to store the extension in.</param>
/// <param name="Metadata">User JSON metadata stored with the media.</param>
public sealed record CosmicVideoExtensionRequest(
    string MediaId,
    string Prompt,
    string? Model = null,
    string? Folder = null,
    IReadOnlyDictionary<string, JsonElement>? Metadata = null);
