namespace MediaGen.Api;

/// <summary>The body of a healthy <c>GET /api/health</c>.</summary>
/// <param name="Status"><c>ok</c>.</param>
/// <param name="Storage"><c>reachable</c>.</param>
public sealed record HealthReport(string Status, string Storage);
