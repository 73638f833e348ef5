using MediaGen.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// Azurite and the provider simulator for tests that start the Functions app (<see cref="FunctionsEngineApp"/>) with
/// chosen settings (secrets, say) or services: each start gets its own task hub, containers and results queue unless it reuses a hub's
/// (<see cref="StartAsync"/>), so a restart reads the same jobs.
/// </summary>
public sealed class EngineAppFixture : IAsyncLifetime
{
    /// <summary>The API key every start gets unless overridden.</summary>
    public const string ApiKey = "engine-app-api-key-0123456789";

    private readonly string _callbackKey = ReceivedWebhook.NewSecret();
    private AzuriteInstance? _azurite;

    /// <summary>The provider simulator.</summary>
    public SimulatorFixture Simulator { get; } = new();

    /// <summary>
    /// Starts the app on hub <paramref name="hub"/> with working settings changed by <paramref name="overrides"/> (null
    /// removes one) and its services by <paramref name="configureServices"/>.
    /// </summary>
    internal Task<FunctionsEngineApp> StartAsync(
        string hub, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null) =>
        FunctionsEngineApp.StartAsync(address =>
        {
            var settings = new Dictionary<string, string?>(SimulatorFixture.ProviderSettings(Simulator.BaseAddress.ToString()))
            {
                ["AzureWebJobsStorage"] = _azurite!.ConnectionString,
                ["Api:Key"] = ApiKey,
                ["Media:DefaultContainer"] = "media-" + hub.ToLowerInvariant(),
                ["Workflows:StateContainer"] = "state-" + hub.ToLowerInvariant(),
                ["Workflows:ResultsQueue"] = "results-" + hub.ToLowerInvariant(),
                ["Workflows:PublicBaseUrl"] = address.GetLeftPart(UriPartial.Authority),
                ["Workflows:WebhookSigningKey"] = "engine-app-webhook-key-0123456789",
                ["Workflows:PollInitialInterval"] = "00:00:01",
                ["Workflows:PollMaxInterval"] = "00:00:02",
                ["Callbacks:SigningKey"] = _callbackKey,
                ["DurableTask:HubName"] = hub,
                ["DurableTaskHubName"] = hub,
                ["DurableTask:PartitionCount"] = "1",
                ["DurableTask:MaxQueuePollingInterval"] = "00:00:00.100",
            };
            foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return settings;
        }, configureServices);

    /// <summary>A new task hub name.</summary>
    public static string NewHub() => "Engine" + Guid.NewGuid().ToString("N")[..12];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync(inMemory: true);
        await Simulator.InitializeAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
