namespace MediaGen.Simulator.Cosmic;

/// <summary>Response of <c>POST /v3/buckets/{slug}/ai/image</c>.</summary>
public sealed record CosmicImageResponse(CosmicMedia Media, string RevisedPrompt);
