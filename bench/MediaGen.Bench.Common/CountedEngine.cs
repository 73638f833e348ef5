using DurableTask.AzureStorage;
using MediaGen.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGen.Bench.Common;

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
        ArgumentNullException.ThrowIfNull(counter);
        services.AddDurableEngine(configuration, register);
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
            var connectionString = configuration[DurableEngineOptions.ConnectionStringKey]
                ?? throw new InvalidOperationException($"{DurableEngineOptions.ConnectionStringKey} is not set.");
            var settings = AzureStorageSettingsFactory.Create(options, connectionString, sp.GetRequiredService<ILoggerFactory>());
            settings.StorageAccountClientProvider = counter.EngineClients(connectionString);
            return new AzureStorageOrchestrationService(settings);
        }));
        return services;
    }
}
