namespace MediaGen.Client;

/// <summary>Token usage a provider reported.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
/// <param name="Cost">Cost in the provider's unit, when reported.</param>
public sealed record JobUsage(long? InputTokens = null, long? OutputTokens = null, decimal? Cost = null);
