namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Generated speech (MP3) stored in the media library.</summary>
/// <param name="Media">The stored audio.</param>
/// <param name="Usage">Token usage.</param>
public sealed record CosmicAudioResponse(CosmicMedia Media, CosmicUsage? Usage = null);
