namespace MediaGen.Core.Providers.Cosmic;

/// <summary>A generated image stored in the media library.</summary>
/// <param name="Media">The stored image.</param>
/// <param name="RevisedPrompt">The prompt as the model rewrote it, when it did.</param>
/// <param name="Usage">Token usage, when reported.</param>
public sealed record CosmicImageResponse(CosmicMedia Media, string? RevisedPrompt = null, CosmicUsage? Usage = null);
