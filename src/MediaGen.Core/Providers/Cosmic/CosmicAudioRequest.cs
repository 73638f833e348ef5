namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Text to speech as an MP3 in the media library (<c>POST /v3/buckets/{slug}/ai/audio</c>).</summary>
/// <param name="Prompt">The text to speak (required; over 4,096 characters it is chunked by the provider).</param>
/// <param name="Voice">One of the nine voices (see <see cref="CosmicCatalog.Voices"/>); default <c>nova</c>.</param>
/// <param name="Model"><c>tts-1</c> (default) or <c>tts-1-hd</c>.</param>
/// <param name="Folder">Existing media folder to store the audio in.</param>
/// <param name="Metadata">User JSON metadata stored with the media.</param>
public sealed record CosmicAudioRequest(
    string Prompt,
    string? Voice = null,
    string? Model = null,
    string? Folder = null,
    IReadOnlyDictionary<string, JsonElement>? Metadata = null);
