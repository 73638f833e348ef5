using MediaGen.Api;
using MediaGen.Api.Health;
using MediaGen.Api.Jobs;
using MediaGen.Api.Streaming;
using MediaGen.Engine;
using MediaGen.Host.Api;
using Microsoft.Extensions.Options;

namespace MediaGen.Host.Extensions;

/// <summary>The HTTP API: JSON, ProblemDetails, the global exception handler, OpenAPI, the API key and the routes.</summary>
public static class ApiExtensions
{
    /// <summary>Registers the API's services; binds <c>Api</c> (the shared limits and the host's key, validated at start-up).</summary>
    public static IServiceCollection AddMediaGenApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediaGenSharedApi(configuration);
        services.AddMediaGenHealthChecks(sp => sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value.HubName);
        services.AddOptions<ApiKeyOptions>()
            .Bind(configuration.GetSection(ApiKeyOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddExceptionHandler<GlobalExceptionHandler>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<OpenApiTransformers>();
            options.AddOperationTransformer<OpenApiTransformers>();
        });
        return services;
    }

    /// <summary>
    /// Maps every route: health and the OpenAPI document (open), webhooks (their per-job secret), and the
    /// rest under <c>/api</c> behind the API key.
    /// </summary>
    public static WebApplication MapMediaGenApi(this WebApplication app)
    {
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealth();
        app.MapWebhooks();
        var api = app.MapGroup("/api")
            .AddEndpointFilter<ApiKeyFilter>()
            .WithMetadata(ApiKeyRequirement.Instance)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapJobs();
        api.MapBatchesAndChains();
        api.MapTextStream();
        return app;
    }
}
