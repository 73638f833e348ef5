using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace MediaGen.Engine.Tests;

/// <summary>What the wiring calls register (no storage is touched).</summary>
public sealed class DurableEngineServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDurableEngineClient_DevelopmentStorage_ResolvesStandaloneClientWithoutWorker()
    {
        using var services = Build(s => s.AddDurableEngineClient(Configuration("UseDevelopmentStorage=true")));

        Assert.IsType<StandaloneDurableTaskClient>(services.GetRequiredService<DurableTaskClient>());
        Assert.Same(services.GetRequiredService<DurableTaskClient>(), services.GetRequiredService<StandaloneDurableTaskClient>());
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public void AddDurableEngine_CalledTwice_OneWorkerOneBackendAllRegistrations()
    {
        var configuration = Configuration("UseDevelopmentStorage=true");
        using var services = Build(s => s
            .AddDurableEngine(configuration, r => r.AddOrchestrator<ChainOrchestrator>())
            .AddDurableEngine(configuration, r => r.AddActivity<AddOne>()));

        var registry = services.GetRequiredService<EngineRegistry>();
        Assert.Single(services.GetServices<IHostedService>().OfType<DurableEngineWorker>());
        Assert.Single(services.GetServices<AzureStorageOrchestrationService>());
        Assert.Contains(nameof(ChainOrchestrator), registry.Orchestrators.Keys);
        Assert.Contains(nameof(AddOne), registry.Activities.Keys);
    }

    private static IConfiguration Configuration(string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [DurableEngineOptions.ConnectionStringKey] = connectionString })
        .Build();

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<DataConverter>(JsonDataConverter.Default);
        configure(services);
        return services.BuildServiceProvider();
    }
}
