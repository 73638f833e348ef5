using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaGen.Engine;

/// <summary>Registers the standalone Durable Task engine: options, backend, worker and client.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine with its worker: <see cref="DurableEngineOptions"/> bound from <c>DurableTask</c> and
    /// validated at start-up, one <see cref="AzureStorageOrchestrationService"/> per process (on the
    /// <c>AzureWebJobsStorage</c> account) shared by the hosted <see cref="DurableEngineWorker"/> and the
    /// <see cref="DurableTaskClient"/> (a <see cref="StandaloneDurableTaskClient"/>), and the orchestrators and
    /// activities <paramref name="register"/> adds. The app must register a <see cref="DataConverter"/> singleton;
    /// start-up fails naming it otherwise. Calling it again adds more orchestrators and activities.
    /// </summary>
    public static IServiceCollection AddDurableEngine(
        this IServiceCollection services, IConfiguration configuration, Action<EngineRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        services.AddDurableEngineClient(configuration);

        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(EngineRegistry))?.ImplementationInstance as EngineRegistry;
        if (registry is null)
        {
            registry = new EngineRegistry();
            services.AddSingleton(registry);
            services.AddHostedService<DurableEngineWorker>();
        }

        register(registry);
        return services;
    }

    /// <summary>
    /// Registers the engine's client side only (options, backend, <see cref="DurableTaskClient"/>), no worker: for
    /// tools and benchmarks that start, query and purge instances a worker elsewhere runs.
    /// </summary>
    public static IServiceCollection AddDurableEngineClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AzureStorageOrchestrationService)))
        {
            return services;
        }

        services.AddOptions<DurableEngineOptions>()
            .Bind(configuration.GetSection(DurableEngineOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DurableEngineOptions>>(sp =>
            new DurableEngineOptionsValidator(configuration, sp.GetService<IServiceProviderIsService>()));

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
            if (DurableEngineOptionsValidator.StorageConnectionProblem(configuration) is { } problem)
            {
                throw new InvalidOperationException($"{DurableEngineOptions.ConnectionStringKey} {problem}.");
            }

            return new AzureStorageOrchestrationService(
                AzureStorageSettingsFactory.Create(options, StorageAccount.From(configuration), sp.GetRequiredService<ILoggerFactory>()));
        });
        services.TryAddSingleton(sp => new StandaloneDurableTaskClient(
            sp.GetRequiredService<AzureStorageOrchestrationService>(),
            sp.GetService<DataConverter>() ?? throw new InvalidOperationException(
                $"No {typeof(DataConverter).FullName} is registered: register the app's converter as a singleton before using the Durable Task client."),
            sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value.HubName));
        services.TryAddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<StandaloneDurableTaskClient>());
        return services;
    }
}
