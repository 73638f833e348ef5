using MediaGen.Launcher;

namespace MediaGen.Parity.Tests.Deployment;

/// <summary>
/// Azurite and the provider simulator for tests that deploy the Functions app under the stand-in host with chosen
/// settings: each start is configured as a first deployment is, from <c>local.settings.sample.json</c>, with the run's
/// storage, secrets, the simulator as every provider and its front door as the public base URL, then the test's changes
/// (<see cref="StartAsync"/>); each gets its own task hub, containers and results queue unless it reuses a hub's, so a
/// restart reads the same jobs.
/// </summary>
public sealed class DeploymentFixture : StackFixture
{
    /// <summary>The API key every start gets unless overridden.</summary>
    public const string ApiKey = "deployment-api-key-0123456789";

    private readonly string _callbackKey = ReceivedWebhook.NewSecret();

    /// <summary>
    /// Starts the app on hub <paramref name="hub"/> with working settings changed by <paramref name="overrides"/>
    /// (<c>Section:Key</c> or <c>Section__Key</c>; null removes one).
    /// </summary>
    internal Task<FunctionsHostApp> StartAsync(string hub, IReadOnlyDictionary<string, string?>? overrides = null) =>
        FunctionsHostApp.StartAsync(address =>
        {
            var settings = LocalSettingsFile.SampleValues();
            var working = new Dictionary<string, string?>(SimulatorFixture.ProviderSettings(Simulator.BaseAddress.ToString()))
            {
                ["AzureWebJobsStorage"] = StorageConnectionString,
                ["DurableTaskHubName"] = hub,
                ["Api:Key"] = ApiKey,
                ["Media:DefaultContainer"] = "media-" + hub.ToLowerInvariant(),
                ["Workflows:StateContainer"] = "state-" + hub.ToLowerInvariant(),
                ["Workflows:ResultsQueue"] = "results-" + hub.ToLowerInvariant(),
                ["Workflows:PublicBaseUrl"] = address.GetLeftPart(UriPartial.Authority),
                ["Workflows:WebhookSigningKey"] = "deployment-webhook-key-0123456789",
                ["Workflows:PollInitialInterval"] = "00:00:01",
                ["Workflows:PollMaxInterval"] = "00:00:02",
                ["Callbacks:SigningKey"] = _callbackKey,
            };
            foreach (var (key, value) in working.Concat(overrides ?? new Dictionary<string, string?>()))
            {
                settings[SimulatorSettings.Flat(key)] = value;
            }

            return settings;
        }, _ => { });

    /// <summary>A new task hub name.</summary>
    public static string NewHub() => "Deploy" + Guid.NewGuid().ToString("N")[..12];
}
