namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Generated text and the tokens it used.</summary>
/// <param name="Text">The generated text.</param>
/// <param name="Usage">Token usage.</param>
public sealed record CosmicTextResponse(string Text, CosmicUsage? Usage = null);
