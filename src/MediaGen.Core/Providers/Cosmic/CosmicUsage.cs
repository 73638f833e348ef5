namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Tokens a call consumed, as Cosmic reports them.</summary>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens (media generation is billed here).</param>
/// <param name="TotalTokens">Total, when reported.</param>
public sealed record CosmicUsage(long InputTokens, long OutputTokens, long? TotalTokens = null);
