using MediaGen.Core.Media;
using MediaGen.Core.Providers;
using MediaGen.Core.Storage;
using MediaGen.Workflows;
using MediaGen.Engine;
using MediaGen.Host.Api;
using MediaGen.Host.Retention;

namespace MediaGen.Host.Extensions;

/// <summary>Service registration and endpoint mapping of the standalone host.</summary>
public static class HostingExtensions
{
    /// <summary>
    /// Registers what the standalone host needs, with options validated at start-up: storage clients, providers, media
    /// store, the workflows and job service, the standalone Durable Task engine (its worker runs in this process;
    /// several processes may share one task hub), the HTTP API, the queue and blob listeners, the retention purge, and OpenTelemetry.
    /// </summary>
    public static WebApplicationBuilder AddMediaGenHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.PostConfigure<LoggerFilterOptions>(RequestLogging.QuietHostingDiagnostics);
        var configuration = builder.Configuration;
        services.AddMediaGenStorage(configuration);
        services.AddMediaGenProviders(configuration);
        services.AddMediaStore(configuration);
        services.AddMediaGenWorkflows(configuration);
        services.AddMediaGenJobServices();
        services.AddDurableEngine(configuration, engine =>
        {
            foreach (var orchestrator in WorkflowCatalog.Orchestrators)
            {
                engine.AddOrchestrator(orchestrator);
            }

            foreach (var activity in WorkflowCatalog.Activities)
            {
                engine.AddActivity(activity);
            }
        });
        services.ReserveContainers(sp => PlatformContainers.OfTaskHub(sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value.HubName)
            .Select(container => (container, "DurableTask:HubName")));
        services.AddMediaGenApi(configuration);
        services.AddMediaGenListeners(configuration);
        services.AddOptions<RetentionScheduleOptions>().Bind(configuration.GetSection(RetentionScheduleOptions.SectionName))
            .Validate(o => o.PurgeInterval >= TimeSpan.FromSeconds(1), "Retention:PurgeInterval must be at least 1 second.")
            .ValidateOnStart();
        services.AddHostedService<RetentionPurgeService>();
        builder.AddMediaGenHostTelemetry();
        return builder;
    }

    /// <summary>Maps the host's endpoints.</summary>
    public static WebApplication MapMediaGenEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapMediaGenApi();
    }
}
