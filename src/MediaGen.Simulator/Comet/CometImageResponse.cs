namespace MediaGen.Simulator.Comet;

/// <summary>Response of <c>POST /v1/images/generations</c>.</summary>
public sealed record CometImageResponse(long Created, IReadOnlyList<CometImageData> Data);
