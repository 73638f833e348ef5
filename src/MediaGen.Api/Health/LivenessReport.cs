namespace MediaGen.Api.Health;

/// <summary>The body of <c>GET /api/health/live</c>.</summary>
/// <param name="Status"><c>ok</c>.</param>
public sealed record LivenessReport(string Status);
