using DurableTask.AzureStorage;
using MediaGen.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGen.Testing;

/// <summary>The standalone engine exactly as the host wires it, but with its storage requests counted.</summary>
public static class CountedEngine
{
    /// <summary>
    /// <c>AddDurableEngine</c>, then the backend rebuilt from the same <see cref="DurableEngineOptions"/> (the engine's own
    /// settings mapping) whose blob, queue and table clients carry <paramref name="counter"/>'s policy.
    /// </summary>
    public static IServiceCollection AddCountedDurableEngine(
        this IServiceCollection services, IConfiguration configuration, StorageRequestCounter counter, Action<EngineRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDurableEngine(configuration, register);
        return services.CountEngineRequests(counter);
    }

    /// <summary>
    /// Replaces the backend an engine already registered (e.g. a whole host's) with one built from the same settings whose
    /// blob, queue and table clients carry <paramref name="counter"/>'s policy: every storage request of the engine's
    /// worker and client is counted.
    /// </summary>
    public static IServiceCollection CountEngineRequests(this IServiceCollection services, StorageRequestCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
            var connectionString = sp.GetRequiredService<IConfiguration>()[DurableEngineOptions.ConnectionStringKey]
                ?? throw new InvalidOperationException($"{DurableEngineOptions.ConnectionStringKey} is not set.");
            var settings = AzureStorageSettingsFactory.Create(options, connectionString, sp.GetRequiredService<ILoggerFactory>());
            settings.StorageAccountClientProvider = counter.EngineClients(connectionString);
            return new AzureStorageOrchestrationService(settings);
        }));
        return services;
    }
}
