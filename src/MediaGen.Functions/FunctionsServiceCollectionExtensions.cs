using Azure.Core.Serialization;
using Azure.Monitor.OpenTelemetry.Exporter;
using MediaGen.Api.Telemetry;
using MediaGen.Core.Media;
using MediaGen.Core.Providers;
using MediaGen.Core.Storage;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace MediaGen.Functions;

/// <summary>The Functions app's registration: the same core and shared-API registrations the standalone host makes.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The activity source of the Functions worker's invocation spans.</summary>
    private const string WorkerActivitySource = "Microsoft.Azure.Functions.Worker";

    /// <summary>
    /// Registers storage clients, providers, media store, workflows, the shared HTTP surface, the API keys by caller (as the standalone host's) and the
    /// per-invocation job service factory, and pins the worker's serializer to <see cref="WorkflowJson.Options"/>.
    /// </summary>
    public static IServiceCollection AddMediaGenFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The Durable extension builds its DataConverter (orchestration, activity and client payloads) from this
        // serializer (its ObjectConverterShim), so durable payload JSON is WorkflowJson's, as on the standalone engine.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(WorkflowJson.Options));
        services.AddMediaGenStorage(configuration);
        services.AddMediaGenProviders(configuration);
        services.AddMediaStore(configuration);
        services.AddMediaGenWorkflows(configuration);
        services.AddMediaGenSharedApi(configuration);

        // The Durable extension's hub is host.json's "%DurableTaskHubName%".
        services.AddMediaGenHealthChecks(_ => configuration["DurableTaskHubName"] ?? "");

        // Never a job's output: the Durable extension's task hub containers (the inbox is reserved by AddMediaGenSharedApi).
        services.ReserveContainers(_ => string.IsNullOrWhiteSpace(configuration["DurableTaskHubName"])
            ? []
            : PlatformContainers.OfTaskHub(configuration["DurableTaskHubName"]!).Select(container => (container, "DurableTaskHubName")));

        // Functions has no DurableTaskClient service (each invocation binds its own [DurableClient]): the services over it
        // (WorkflowServiceCollectionExtensions.OverDurableClient) are built per invocation by JobServiceFactory, not registered.
        services.AddSingleton<JobServiceFactory>();
        services.AddMediaGenApiKeys(configuration);
        AddTelemetry(services, configuration);
        return services;
    }

    /// <summary>
    /// The shared OpenTelemetry wiring, the worker's invocation spans (parented on the Functions host's trace context;
    /// host.json's <c>telemetryMode</c> is <c>OpenTelemetry</c>), and the Azure Monitor exporter when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. The service is named by <c>OTEL_SERVICE_NAME</c> when set, else
    /// by the worker defaults (the Function App's site name).
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddMediaGenTelemetry(configuration)
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(WorkerActivitySource));
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
        {
            // The worker defaults name the service after the site; an explicit name wins (it is the cloud role name).
            telemetry.ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"]!));
        }

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.UseAzureMonitorExporter();
        }
    }
}
