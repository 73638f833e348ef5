namespace MediaGen.Core.Providers.Cosmic;

/// <summary>A generated video stored in the media library.</summary>
/// <param name="Media">The stored video; its <see cref="CosmicMedia.Id"/> can be extended.</param>
/// <param name="Usage">Token usage.</param>
/// <param name="GenerationTimeSeconds">How long generation took.</param>
public sealed record CosmicVideoResponse(CosmicMedia Media, CosmicUsage? Usage = null, double? GenerationTimeSeconds = null);
