namespace MediaGen.Simulator.Cosmic;

/// <summary>Response of <c>POST /v3/buckets/{slug}/ai/video</c>.</summary>
public sealed record CosmicVideoResponse(CosmicMedia Media, CosmicUsage Usage, int GenerationTimeSeconds);
