using System.Globalization;
using System.Text.Json.Nodes;

namespace MediaGen.Launcher;

/// <summary>
/// The local stack, as <c>scripts/run.sh</c>, the drives, the benchmarks and the integration tests run it: Azurite on free
/// loopback ports, the provider simulator, keys generated for the run, and the apps started on it
/// (<see cref="StartAppAsync"/>: the standalone host or the Functions app under the stand-in host, each a process on a
/// loopback address chosen before it starts, so its settings can name its public address). Disposing it stops the apps
/// (gracefully), the simulator and Azurite.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    /// <summary>The requests queue the apps read (<c>RequestQueueName</c>).</summary>
    public const string RequestsQueue = "mediagen-requests";

    /// <summary>The results queue the apps write (<c>Workflows__ResultsQueue</c>).</summary>
    public const string ResultsQueue = "mediagen-results";

    /// <summary>The blob inbox container (<c>BlobInboxContainerName</c>).</summary>
    public const string InboxContainer = "inbox";

    /// <summary>The standalone inbox listener's processed container (<c>BlobInbox__ProcessedContainerName</c>).</summary>
    public const string InboxProcessedContainer = "inbox-processed";

    private readonly SimulatorServer? _simulator;
    private readonly bool _sampleSettingsOnly;
    private readonly List<AppProcess> _apps = [];

    private LocalStack(LocalStackOptions options, AzuriteInstance azurite, SimulatorServer? simulator, Uri simulatorAddress)
    {
        WorkFolder = options.WorkFolder;
        Azurite = azurite;
        _simulator = simulator;
        SimulatorAddress = simulatorAddress;
        CallbackKey = options.CallbackKey ?? StackSecrets.CallbackKey();
        _sampleSettingsOnly = options.SampleSettingsOnly;
    }

    /// <summary>The stack's Azurite.</summary>
    public AzuriteInstance Azurite { get; }

    /// <summary>The provider simulator's address.</summary>
    public Uri SimulatorAddress { get; }

    /// <summary>Where logs and generated settings files go.</summary>
    public string WorkFolder { get; }

    /// <summary>The run's API key (<c>Api__Key</c>, header <c>x-functions-key</c>).</summary>
    public string ApiKey { get; } = StackSecrets.Key();

    /// <summary>The key Pixazo webhook URLs are signed with (<c>Workflows__WebhookSigningKey</c>).</summary>
    public string WebhookKey { get; } = StackSecrets.Key();

    /// <summary>The callbacks' signing key (<c>Callbacks__SigningKey</c>).</summary>
    public string CallbackKey { get; }

    /// <summary>The callbacks' second signing key, as during a rotation (<c>Callbacks__SecondarySigningKey</c>).</summary>
    public string CallbackNextKey { get; } = StackSecrets.CallbackKey();

    /// <summary>Starts Azurite and, unless <see cref="LocalStackOptions.SimulatorAddress"/> names one, the simulator.</summary>
    public static async Task<LocalStack> StartAsync(LocalStackOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalStackOptions();
        Directory.CreateDirectory(options.WorkFolder);
        var azurite = options.AzuriteFolder is { } folder
            ? await AzuriteInstance.StartAsync(folder, cancellationToken)
            : await AzuriteInstance.StartAsync(options.AzuriteInMemory, cancellationToken);
        try
        {
            var simulator = options.SimulatorAddress is null ? await SimulatorServer.StartAsync() : null;
            return new LocalStack(options, azurite, simulator, options.SimulatorAddress ?? simulator!.BaseAddress);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The settings both apps read (flat <c>Section__Key</c> names), for an app at <paramref name="appAddress"/>: Azurite,
    /// the run's keys, the providers on the simulator, polls and callback retries in seconds, the queue and container names.
    /// </summary>
    public Dictionary<string, string> AppSettings(Uri appAddress)
    {
        ArgumentNullException.ThrowIfNull(appAddress);
        var settings = SimulatorSettings.Providers(SimulatorAddress.ToString())
            .ToDictionary(s => SimulatorSettings.Flat(s.Key), s => s.Value!, StringComparer.Ordinal);
        settings["AzureWebJobsStorage"] = Azurite.ConnectionString;
        settings["Api__Key"] = ApiKey;
        settings["Workflows__PublicBaseUrl"] = appAddress.GetLeftPart(UriPartial.Authority);
        settings["Workflows__WebhookSigningKey"] = WebhookKey;
        settings["Workflows__PollInitialInterval"] = "00:00:01";
        settings["Workflows__PollMaxInterval"] = "00:00:03";
        settings["Callbacks__SigningKey"] = CallbackKey;
        settings["Callbacks__SecondarySigningKey"] = CallbackNextKey;
        settings["Callbacks__FirstRetryInterval"] = "00:00:01";
        settings["RequestQueueName"] = RequestsQueue;
        settings["Workflows__ResultsQueue"] = ResultsQueue;
        settings["BlobInboxContainerName"] = InboxContainer;
        return settings;
    }

    /// <summary>
    /// An app of the stack (not started; stopped with the stack) on <paramref name="address"/> (default: a free port) with
    /// <see cref="AppSettings"/> changed by <paramref name="settings"/> (flat or <c>Section:Key</c> names; null removes one).
    /// The standalone host polls the inbox every second and marks processed blobs; the Functions app gets a
    /// <c>local.settings.json</c> written from the sample (the polling inbox function on, the Event Grid one off: Azurite
    /// raises no Event Grid events) and the repository's <c>host.json</c> changed by <paramref name="hostJson"/>.
    /// </summary>
    public AppProcess CreateApp(
        StackApp app,
        Uri? address = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<JsonObject>? hostJson = null,
        string name = "host")
    {
        address ??= LoopbackPort.FreeAddress();
        var values = AppSettings(address).ToDictionary(s => s.Key, s => (string?)s.Value, StringComparer.Ordinal);
        if (app == StackApp.Standalone)
        {
            values["BlobInbox__ProcessedContainerName"] = InboxProcessedContainer;
            values["BlobInbox__PollingInterval"] = "00:00:01";
        }
        else
        {
            values["AzureWebJobs.BlobInbox.Disabled"] = "true";
            values["AzureWebJobs.BlobInboxPolling.Disabled"] = "false";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[SimulatorSettings.Flat(key)] = value;
        }

        var logs = Path.Combine(WorkFolder, "logs");
        AppLaunch launch;
        if (app == StackApp.Standalone)
        {
            launch = StackApps.StandaloneHost(address, values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal), logs, name);
        }
        else
        {
            var folder = Path.Combine(WorkFolder, name + "-" + address.Port.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var settingsFile = Path.Combine(folder, "local.settings.json");
            var hostJsonFile = Path.Combine(folder, "host.json");
            var written = LocalSettingsFile.Write(settingsFile, values, _sampleSettingsOnly);
            LocalSettingsFile.WriteHostJson(hostJsonFile, hostJson);
            launch = StackApps.FunctionsApp(address, settingsFile, hostJsonFile, logs, name) with { Settings = written };
        }

        var process = new AppProcess(launch);
        _apps.Add(process);
        return process;
    }

    /// <summary><see cref="CreateApp"/>, started and ready.</summary>
    public async Task<AppProcess> StartAppAsync(
        StackApp app,
        Uri? address = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<JsonObject>? hostJson = null,
        string name = "host",
        CancellationToken cancellationToken = default)
    {
        var process = CreateApp(app, address, settings, hostJson, name);
        await process.StartAsync(cancellationToken);
        return process;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The apps first, and let them finish: a standalone host's engine hands its partitions back to storage on the way out.
        foreach (var app in _apps)
        {
            var output = app.Output;
            await app.StopAsync(TimeSpan.FromSeconds(30));
            StopOrphanWorkers(output);
            await app.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }

    /// <summary>A stand-in host that died abnormally leaves its worker running: stop the workers its output names, if still theirs.</summary>
    private static void StopOrphanWorkers(string output)
    {
        foreach (var pid in StackApps.WorkerProcessIds(output))
        {
            var commandLine = $"/proc/{pid}/cmdline";
            try
            {
                if (File.Exists(commandLine) && File.ReadAllText(commandLine).Contains("MediaGen.Functions.dll", StringComparison.Ordinal))
                {
                    using var worker = System.Diagnostics.Process.GetProcessById(pid);
                    worker.Kill();
                }
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }
    }
}
