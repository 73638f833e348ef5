namespace MediaGen.Api.Health;

/// <summary>The body of a healthy <c>GET /api/health</c> (readiness).</summary>
/// <param name="Status"><c>ok</c>.</param>
/// <param name="Storage"><c>reachable</c>.</param>
/// <param name="TaskHub"><c>ready</c>.</param>
public sealed record HealthReport(string Status, string Storage, string TaskHub);
