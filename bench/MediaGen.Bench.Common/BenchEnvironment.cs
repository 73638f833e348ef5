using MediaGen.Core.Media;
using MediaGen.Core.Providers;
using MediaGen.Engine;
using MediaGen.Launcher;
using MediaGen.Testing;
using MediaGen.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.Bench.Common;

/// <summary>
/// What every engine benchmark runs on: a private Azurite and the instant provider simulator on free loopback ports (started
/// by the launcher, <see cref="LocalStack"/>),
/// counters for the engine's and the app's storage requests, and the backend's events. Hosts built here run the
/// standalone engine as the host does; engine settings come from <c>DurableTask__*</c> environment variables.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly LocalStack _stack;

    private BenchEnvironment(LocalStack stack, InstantSimulator simulator)
    {
        _stack = stack;
        Simulator = simulator;
    }

    /// <summary>The private Azurite.</summary>
    public AzuriteInstance Azurite => _stack.Azurite;

    /// <summary>The provider simulator, answering at once.</summary>
    public InstantSimulator Simulator { get; }

    /// <summary>Storage requests of the engine (backend and client: queues, history, instances, leases).</summary>
    public StorageRequestCounter EngineStorage { get; } = new();

    /// <summary>Storage requests of the app itself (media blobs, the results queue, the workflows' records).</summary>
    public StorageRequestCounter AppStorage { get; } = new();

    /// <summary>The backend's events (completion signals, duplicates, queue delays).</summary>
    public EngineEvents Events { get; } = new();

    /// <summary>Starts Azurite (in memory unless <c>AZURITE_DISK=1</c>) and the simulator.</summary>
    public static async Task<BenchEnvironment> StartAsync()
    {
        var simulator = new InstantSimulator();
        await simulator.InitializeAsync();
        var stack = await LocalStack.StartAsync(new LocalStackOptions
        {
            AzuriteInMemory = Environment.GetEnvironmentVariable("AZURITE_DISK") != "1",
            SimulatorAddress = simulator.BaseAddress,
        });
        return new BenchEnvironment(stack, simulator);
    }

    /// <summary>
    /// A host (not started) with providers on the simulator, the media store, the workflows (job service) and the counted
    /// engine on hub <paramref name="hubName"/>, running what <paramref name="register"/> adds and <see cref="WorkflowCatalog"/>'s types (a type
    /// registered under a catalog type's name stands in for it). <paramref name="settings"/> override the defaults here; <c>DurableTask__*</c>
    /// environment variables override both (except the hub name). The engine's requests are counted in
    /// <paramref name="engineStorage"/>, else <see cref="EngineStorage"/>.
    /// </summary>
    public IHost BuildHost(
        string hubName,
        IDictionary<string, string?>? settings = null,
        Action<EngineRegistry>? register = null,
        Action<IServiceCollection>? configure = null,
        StorageRequestCounter? engineStorage = null)
    {
        var sim = Simulator.BaseAddress.ToString();
        var connection = Azurite.ConnectionString;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var defaults = SimulatorSettings.Providers(sim);
        defaults[DurableEngineOptions.ConnectionStringKey] = connection;
        builder.Configuration.AddInMemoryCollection(defaults);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DurableTask:HubName"] = hubName });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(Events);
        builder.Logging.AddFilter<EngineEvents>("DurableTask.AzureStorage", LogLevel.Information);

        var services = builder.Services;
        // The app's own storage clients, counted apart from the engine's.
        services.AddSingleton(AppStorage.BlobClient(connection));
        services.AddSingleton(AppStorage.QueueClient(connection));
        services.AddMediaGenProviders(builder.Configuration);
        services.AddMediaStore(builder.Configuration);
        services.AddMediaGenWorkflows(builder.Configuration);
        services.AddMediaGenJobServices();
        services.AddCountedDurableEngine(builder.Configuration, engineStorage ?? EngineStorage, engine =>
        {
            // The benchmark's own types first: one may stand in for a catalog type of the same name.
            register?.Invoke(engine);
            foreach (var orchestrator in WorkflowCatalog.Orchestrators.Where(o => !engine.Orchestrators.ContainsKey(o.Name)))
            {
                engine.AddOrchestrator(orchestrator);
            }

            foreach (var activity in WorkflowCatalog.Activities.Where(a => !engine.Activities.ContainsKey(a.Name)))
            {
                engine.AddActivity(activity);
            }
        });
        configure?.Invoke(services);
        return builder.Build();
    }

    /// <summary>Starts <paramref name="host"/> and waits until its engine worker runs (the task hub exists).</summary>
    public static async Task StartAsync(IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.StartAsync(cancellationToken);
        var worker = host.Services.GetServices<IHostedService>().OfType<DurableEngineWorker>().Single();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (!worker.IsStarted)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Stops <paramref name="host"/> (in-flight work items finish, leases are released) and disposes it.</summary>
    public static async Task StopAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stack.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
