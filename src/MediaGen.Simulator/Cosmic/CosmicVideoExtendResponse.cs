namespace MediaGen.Simulator.Cosmic;

/// <summary>Response of <c>POST /v3/buckets/{slug}/ai/video/extend</c>.</summary>
public sealed record CosmicVideoExtendResponse(
    CosmicMedia Media,
    CosmicUsage Usage,
    int GenerationTimeSeconds,
    string SourceMediaId,
    bool IsExtension);
