namespace MediaGen.Core.Providers.Cosmic;

/// <summary>An 8-second extension stored in the media library; can itself be extended.</summary>
/// <param name="Media">The stored extension.</param>
/// <param name="Usage">Token usage.</param>
/// <param name="GenerationTimeSeconds">How long generation took.</param>
/// <param name="SourceMediaId">The video that was extended.</param>
/// <param name="IsExtension">Always true for extensions.</param>
public sealed record CosmicVideoExtensionResponse(
    CosmicMedia Media,
    CosmicUsage? Usage = null,
    double? GenerationTimeSeconds = null,
    string? SourceMediaId = null,
    bool? IsExtension = null);
