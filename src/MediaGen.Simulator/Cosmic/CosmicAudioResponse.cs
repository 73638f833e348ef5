namespace MediaGen.Simulator.Cosmic;

/// <summary>Response of <c>POST /v3/buckets/{slug}/ai/audio</c>.</summary>
public sealed record CosmicAudioResponse(CosmicMedia Media, CosmicUsage Usage);
