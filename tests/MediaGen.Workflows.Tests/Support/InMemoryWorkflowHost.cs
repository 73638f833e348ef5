using MediaGen.Core.Media;
using MediaGen.Workflows;
using Microsoft.DurableTask.Client;
using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage;
using MediaGen.Durable.Storage.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// The real orchestrators and job service on the in-memory durable backend, with fake activities and a manual clock
/// that jumps to the next durable timer whenever the runtime is idle: minutes of polling and retries run in milliseconds.
/// </summary>
internal sealed class InMemoryWorkflowHost : IAsyncDisposable
{
    public const string WebhookKey = "unit-test-webhook-key";

    private readonly IHost _host;
    private readonly InMemoryDurableStorage _storage;

    private InMemoryWorkflowHost(IHost host, InMemoryDurableStorage storage, ManualTimeProvider clock, FakeProviders fakes)
    {
        _host = host;
        _storage = storage;
        Clock = clock;
        Fakes = fakes;
    }

    public ManualTimeProvider Clock { get; }

    public FakeProviders Fakes { get; }

    public JobService Jobs => _host.Services.GetRequiredService<JobService>();

    public DurableRuntimeClient Client => _host.Services.GetRequiredService<DurableRuntimeClient>();

    public static async Task<InMemoryWorkflowHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var clock = new ManualTimeProvider();
        var storage = new InMemoryDurableStorage(clock);
        var fakes = new FakeProviders();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Workflows:PublicBaseUrl"] = "https://mediagen.test",
            ["Workflows:WebhookSigningKey"] = WebhookKey,
            ["Callbacks:SigningKey"] = "unit-test-callback-key",
            ["Media:AllowedNetworks"] = "127.0.0.1/32",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IDurableStorage>(storage);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(fakes);
        builder.Services.AddMediaStore(builder.Configuration);
        builder.Services.AddMediaGenWorkflows(builder.Configuration);
        builder.Services.AddDurableRuntime(
            b =>
            {
                foreach (var type in WorkflowCatalog.Orchestrators)
                {
                    b.AddOrchestrator(type);
                }

                FakeActivities.Register(b);
            },
            o =>
            {
                o.Backend = DurableBackend.InMemory;
                o.PartitionCount = 2;
                o.LeaseDuration = TimeSpan.FromSeconds(15);
                o.LeaseRenewInterval = TimeSpan.FromSeconds(5);
                o.MaxPollingInterval = TimeSpan.FromMilliseconds(50);
            });
        var host = builder.Build();
        await host.StartAsync();
        return new InMemoryWorkflowHost(host, storage, clock, fakes);
    }

    /// <summary>Runs until the instance has finished, letting durable time pass whenever nothing else can happen.</summary>
    public Task<OrchestrationMetadata> CompleteAsync(string instanceId) => RunUntilAsync(instanceId, i => i.IsCompleted, advanceClock: true);

    /// <summary>Runs until <paramref name="condition"/> holds, optionally letting durable time pass when idle.</summary>
    public async Task<OrchestrationMetadata> RunUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, bool advanceClock)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var idleRounds = 0;
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId, true, timeout.Token);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            // Idle twice in a row (no message visible or in flight): only timers can move things on.
            idleRounds = _storage.IsIdle ? idleRounds + 1 : 0;
            if (advanceClock && idleRounds >= 2 && _storage.NextDueAt is { } due)
            {
                Clock.AdvanceTo(due);
                idleRounds = 0;
            }

            await Task.Delay(5, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
