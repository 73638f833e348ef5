using System.Net;
using System.Net.Sockets;
using Grpc.Core.Interceptors;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// The real orchestrators (<see cref="WorkflowCatalog.Orchestrators"/>) and the real job services (<see cref="JobStarter"/>, <see cref="JobReader"/>, <see cref="JobCommands"/>) on
/// Microsoft.DurableTask's in-process test host (in-memory backend, the real worker and <c>TaskOrchestrationContext</c>),
/// with <see cref="FakeActivities"/> under the real activities' names, the app's payload JSON as the data converter on
/// worker and client, and millisecond policies: durable time is wall time here, so no wait is longer than a fraction of
/// a second. Every orchestrator episode is recorded (<see cref="Episodes"/>) so tests can assert exact durable delays.
/// The test host's dispatchers cap their in-flight work items at <see cref="Environment.ProcessorCount"/> and, at the cap,
/// look again only every 500 ms, so more orchestrations in flight than processors crawl and look hung (DESIGN §1). The
/// test run raises it (<c>DOTNET_PROCESSOR_COUNT</c> in <c>unit.runsettings</c>); <see cref="StartAsync"/> refuses to run without it.
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    public const string WebhookKey = "unit-test-webhook-key";

    /// <summary>The fewest processors the test host must believe it has: more than any test has orchestrations or activities in flight.</summary>
    public const int MinimumProcessorCount = 64;

    /// <summary>How long a test waits for an instance before calling it hung: a guard, not a timing assertion.</summary>
    public static readonly TimeSpan HangGuard = Waits.HangGuard;

    private readonly DurableTaskTestHost _host;

    private WorkflowTestHost(DurableTaskTestHost host, FakeProviders fakes, EpisodeRecorder episodes)
    {
        _host = host;
        Fakes = fakes;
        Episodes = episodes;
        Client = host.Client;
        Starter = ActivatorUtilities.CreateInstance<JobStarter>(
            host.Services, ActivatorUtilities.CreateInstance<InstanceStarter>(host.Services, host.Client));
        Reader = new JobReader(host.Client);
        Commands = ActivatorUtilities.CreateInstance<JobCommands>(host.Services, host.Client, Starter);
        Webhooks = ActivatorUtilities.CreateInstance<PixazoWebhookReceiver>(host.Services, host.Client);
    }

    /// <summary>The engine's client (the one the job service uses).</summary>
    public DurableTaskClient Client { get; }

    /// <summary>Starts jobs, batches and chains on <see cref="Client"/>.</summary>
    public JobStarter Starter { get; }

    /// <summary>Reads jobs, batches and chains on <see cref="Client"/>.</summary>
    public JobReader Reader { get; }

    /// <summary>Cancels, re-runs and purges on <see cref="Client"/>.</summary>
    public JobCommands Commands { get; }

    /// <summary>Pixazo's webhook receiver, on <see cref="Client"/>.</summary>
    public PixazoWebhookReceiver Webhooks { get; }

    /// <summary>What the fake activities answer, and what they were asked.</summary>
    public FakeProviders Fakes { get; }

    /// <summary>Every orchestrator episode run so far.</summary>
    public EpisodeRecorder Episodes { get; }

    /// <summary>The worker host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// The settings every host gets: millisecond retry and poll intervals (a Pixazo wait backs off 20, 40, 80, 120 ms),
    /// webhooks on, callbacks signable. <paramref name="settings"/> override them.
    /// </summary>
    public static async Task<WorkflowTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        if (Environment.ProcessorCount < MinimumProcessorCount)
        {
            throw new InvalidOperationException(
                $"Environment.ProcessorCount is {Environment.ProcessorCount}: the in-process test host would crawl (one look every 500 ms) with more work items in flight than that. " +
                $"Run the tests with their run settings (unit.runsettings sets DOTNET_PROCESSOR_COUNT={MinimumProcessorCount}).");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(settings)).Build();
        var fakes = new FakeProviders();
        var episodes = new EpisodeRecorder();
        var converter = WorkflowJson.CreateDataConverter();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var host = await DurableTaskTestHost.StartAsync(
                    registry =>
                    {
                        foreach (var orchestrator in WorkflowCatalog.Orchestrators)
                        {
                            registry.AddOrchestrator(orchestrator);
                        }

                        FakeActivities.Register(registry);
                    },
                    new DurableTaskTestHostOptions
                    {
                        Port = FreePort(),
                        ConfigureServices = services =>
                        {
                            services.AddSingleton(fakes);
                            services.AddMediaStore(configuration);
                            services.AddMediaGenWorkflows(configuration);
                            services.ConfigureAll<DurableTaskWorkerOptions>(o => o.DataConverter = converter);
                            services.ConfigureAll<DurableTaskClientOptions>(o => o.DataConverter = converter);

                            // After the test host's UseGrpc(channel): the worker talks through the recorder.
                            services.PostConfigureAll<GrpcDurableTaskWorkerOptions>(o =>
                            {
                                if (o.Channel is { } channel)
                                {
                                    o.CallInvoker = channel.CreateCallInvoker().Intercept(episodes);
                                    o.Channel = null;
                                }
                            });
                        },
                    });
                return new WorkflowTestHost(host, fakes, episodes);
            }
            catch (IOException) when (attempt < 3)
            {
                // The free port was taken between choosing it and binding it: choose another.
            }
        }
    }

    /// <summary>An instance's custom status, parsed (an empty object when it has none).</summary>
    public static JsonElement Progress(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return JsonDocument.Parse(instance.SerializedCustomStatus ?? "{}").RootElement.Clone();
    }

    /// <summary>Runs one job first, so a test timing half a second does not spend it on the process' first compilation.</summary>
    public async Task WarmUpAsync() => await CompleteAsync((await Starter.StartJobAsync(Requests.CosmicImage("warm-up"))).Id);

    /// <summary>Waits until the instance has finished (read with inputs and outputs).</summary>
    public async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, guard.Token);
    }

    /// <summary>Waits until the instance exists and <paramref name="condition"/> holds, reading its state as it changes.</summary>
    public async Task<OrchestrationMetadata> WaitForAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        return await Waits.ForAsync(
            async token => await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, token) is { } instance && condition(instance) ? instance : null,
            $"instance {instanceId}",
            HangGuard);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static Dictionary<string, string?> Settings(IDictionary<string, string?>? overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Workflows:PublicBaseUrl"] = "https://mediagen.test",
            ["Workflows:WebhookSigningKey"] = WebhookKey,
            ["Workflows:DefaultJobTimeout"] = "00:01:00",
            ["Workflows:ProviderRetryInterval"] = "00:00:00.010",
            ["Workflows:ProviderMaxRetryInterval"] = "00:00:00.100",
            ["Workflows:CopyRetryInterval"] = "00:00:00.010",
            ["Workflows:PollInitialInterval"] = "00:00:00.020",
            ["Workflows:PollMaxInterval"] = "00:00:00.120",
            ["Callbacks:SigningKey"] = MediaGen.Testing.ReceivedWebhook.NewSecret(),
            ["Callbacks:FirstRetryInterval"] = "00:00:00.010",
            ["Callbacks:MaxRetryInterval"] = "00:00:00.100",
            ["Media:AllowedNetworks"] = "127.0.0.1/32",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
