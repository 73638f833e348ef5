namespace MediaGen.Simulator.Cosmic;

/// <summary>Response of <c>POST /v3/buckets/{slug}/ai/text</c> without streaming.</summary>
public sealed record CosmicTextResponse(string Text, CosmicUsage Usage);
