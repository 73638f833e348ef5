namespace MediaGen.Api.Health;

/// <summary>
/// The health routes, answered from the registered health checks (<see cref="HealthCheckService"/>) by both hosts.
/// No API key. <c>GET /api/health/live</c>: the process answers (no dependency is checked). <c>GET /api/health/ready</c>
/// and <c>GET /api/health</c>: storage answers, the task hub exists and every secret setting is usable (503 naming the
/// settings in <c>notConfigured</c> otherwise).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the readiness checks.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The tag of the liveness checks (none are registered: answering at all is the liveness signal).</summary>
    public const string LiveTag = "live";

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckReadyAsync)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Health (readiness): the storage account answers, the engine's task hub exists and the secret settings are usable")
            .Produces<HealthReport>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/health/ready", CheckReadyAsync)
            .WithName("HealthReady")
            .WithTags("Health")
            .WithSummary("Readiness: the storage account answers, the engine's task hub exists and the secret settings are usable")
            .Produces<HealthReport>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/health/live", CheckLiveAsync)
            .WithName("HealthLive")
            .WithTags("Health")
            .WithSummary("Liveness: the process answers")
            .Produces<LivenessReport>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>
    /// Readiness: 200 with <see cref="HealthReport"/> when every readiness check passes, else 503 ProblemDetails naming what
    /// failed (<c>checks</c>; <c>notConfigured</c>: the secret settings that are missing or unresolved Key Vault references).
    /// </summary>
    public static async Task<IResult> CheckReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), cancellationToken).ConfigureAwait(false);
        if (report.Status == HealthStatus.Healthy)
        {
            return Results.Ok(new HealthReport("ok", Description(report, StorageHealthCheck.Name), Description(report, TaskHubHealthCheck.Name)));
        }

        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        var title = failed.Any(e => e.Key == StorageHealthCheck.Name) ? "Storage unreachable"
            : failed.Any(e => e.Key == TaskHubHealthCheck.Name) ? "Task hub not ready"
            : "Settings not configured";
        var extensions = new Dictionary<string, object?>
        {
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        if (report.Entries.TryGetValue(SecretsHealthCheck.Name, out var secrets) && secrets.Data.TryGetValue(SecretsHealthCheck.SettingsKey, out var settings))
        {
            extensions["notConfigured"] = settings;
        }

        return Results.Problem(
            title: title,
            detail: string.Join(" ", failed.Select(e => e.Value.Description ?? e.Value.Status.ToString())),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: extensions);
    }

    /// <summary>Liveness: 200 <c>{"status":"ok"}</c> while the liveness checks (none by default) pass.</summary>
    public static async Task<IResult> CheckLiveAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(LiveTag), cancellationToken).ConfigureAwait(false);
        return report.Status == HealthStatus.Healthy
            ? Results.Ok(new LivenessReport("ok"))
            : Results.Problem(title: "Not live", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static string Description(Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report, string check) =>
        report.Entries.TryGetValue(check, out var entry) ? entry.Description ?? "" : "";
}
