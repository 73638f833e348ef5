using MediaGen.Api.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaGen.Functions.Http;

/// <summary>The health routes, answered by the standalone host's handlers over the same health checks. Anonymous, as in the standalone host.</summary>
public sealed class HealthHttpFunctions(HealthCheckService health)
{
    /// <summary><c>GET /api/health</c> (readiness).</summary>
    [Function(nameof(Health))]
    public Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req,
        CancellationToken cancellationToken) =>
        HealthEndpoints.CheckReadyAsync(health, cancellationToken);

    /// <summary><c>GET /api/health/ready</c>.</summary>
    [Function(nameof(HealthReady))]
    public Task<IResult> HealthReady(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest req,
        CancellationToken cancellationToken) =>
        HealthEndpoints.CheckReadyAsync(health, cancellationToken);

    /// <summary><c>GET /api/health/live</c>.</summary>
    [Function(nameof(HealthLive))]
    public Task<IResult> HealthLive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/live")] HttpRequest req,
        CancellationToken cancellationToken) =>
        HealthEndpoints.CheckLiveAsync(health, cancellationToken);
}
