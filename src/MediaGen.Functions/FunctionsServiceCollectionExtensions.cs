using Azure.Core.Serialization;
using MediaGen.Api;
using MediaGen.Core.Media;
using MediaGen.Core.Providers;
using MediaGen.Core.Storage;
using MediaGen.Workflows;
using Microsoft.DurableTask;
using MediaGen.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Functions;

/// <summary>The Functions app's registration: the same core and shared-API registrations the standalone host makes.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Registers storage clients, providers, media store, workflows, the shared HTTP surface and the per-invocation job service factory, and pins the worker's serializer to MediaGen's durable payload options.</summary>
    public static IServiceCollection AddMediaGenFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // Durable Functions (isolated) serializes orchestration and activity payloads with the worker's serializer:
        // pin it to the options the standalone runtime uses, so payload JSON is the same on both runtimes.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(JsonDataConverter.Options));
        services.AddMediaGenStorage(configuration);
        services.AddMediaGenProviders(configuration);
        services.AddMediaStore(configuration);
        services.AddMediaGenWorkflows(configuration);
        services.AddMediaGenSharedApi(configuration);
        services.AddSingleton<JobServiceFactory>();
        return services;
    }
}
