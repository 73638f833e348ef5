using MediaGen.Api.Budgets;
using MediaGen.Api.Dashboard;
using MediaGen.Api.Health;
using MediaGen.Api.Jobs;
using MediaGen.Api.Streaming;
using MediaGen.Engine;
using MediaGen.Host.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MediaGen.Host.Extensions;

/// <summary>The HTTP API: JSON, ProblemDetails, the global exception handler, OpenAPI, the API key and the routes.</summary>
public static class ApiExtensions
{
    /// <summary>
    /// Registers the API's services; binds <c>Api</c> (the shared limits and the host's keys) and <c>Api:RateLimit</c>
    /// (the per-caller rate limit), validated at start-up.
    /// </summary>
    public static IServiceCollection AddMediaGenApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediaGenSharedApi(configuration);
        services.AddMediaGenHealthChecks(sp => sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value.HubName);
        services.AddMediaGenApiKeys(configuration);
        services.AddOptions<ApiRateLimitOptions>()
            .Bind(configuration.GetSection(ApiRateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddExceptionHandler<GlobalExceptionHandler>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddRateLimiter(_ => { });
        // Kestrel's own cap (30 MB by default) stays above RequestBody's, so an oversized body is always answered by
        // RequestBody's 413 naming Api__MaxRequestBodyBytes.
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ApiOptions>>((kestrel, api) =>
                kestrel.Limits.MaxRequestBodySize = Math.Max(30_000_000L, api.Value.MaxRequestBodyBytes + 64L * 1024));
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ApiRateLimitOptions>, ApiKeyRing>((options, limits, keys) => PerCallerRateLimit.Configure(options, limits.Value, keys));
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<OpenApiTransformers>();
            options.AddOperationTransformer<OpenApiTransformers>();
        });
        return services;
    }

    /// <summary>
    /// Maps every route: health, the OpenAPI document and the dashboard's static files (open), webhooks (their per-job
    /// secret), and the rest under <c>/api</c> behind the API key and the per-caller rate limit.
    /// </summary>
    public static WebApplication MapMediaGenApi(this WebApplication app)
    {
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealth();
        app.MapWebhooks();
        app.MapDashboard();
        var api = app.MapGroup("/api")
            .AddEndpointFilter<ApiKeyFilter>()
            .WithMetadata(ApiKeyRequirement.Instance)
            .RequireRateLimiting(PerCallerRateLimit.PolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            // not_configured: no API key has resolved yet, or the route needs a secret that has not (a Key Vault reference).
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapJobs();
        api.MapBatchesAndChains();
        api.MapBudgets();
        api.MapTextStream();
        api.MapDashboardApi();
        return app;
    }
}
