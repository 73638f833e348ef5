using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using MediaGen.Testing;

namespace MediaGen.Drives;

/// <summary>
/// Everything one drive runs on, as <c>scripts/run.sh</c> starts it: its own Azurite (free loopback ports, its own data
/// folder on disk unless <c>AZURITE_MEMORY=1</c>), the provider simulator, a callback receiver and the standalone host as
/// a separate process on a free port, configured for the simulator with per-run keys. Tunable host settings given here
/// are defaults: the same variable in the drive's environment (e.g. <c>DurableTask__WorkItemQueueVisibilityTimeout</c>)
/// wins, and the host inherits every other variable of the drive's environment.
/// </summary>
public sealed class DriveStack : IAsyncDisposable
{
    /// <summary>The results queue the host writes to.</summary>
    public const string ResultsQueue = "mediagen-results";

    private DriveStack(AzuriteInstance azurite, DriveSimulator simulator, CallbackReceiver callbacks, HostProcess host, string apiKey, string workFolder)
    {
        Azurite = azurite;
        Simulator = simulator;
        Callbacks = callbacks;
        Host = host;
        WorkFolder = workFolder;
        Api = new DriveApi(host.BaseAddress, apiKey);
        Blobs = new BlobServiceClient(azurite.ConnectionString);
        Queues = new QueueServiceClient(azurite.ConnectionString);
    }

    /// <summary>The drive's Azurite.</summary>
    public AzuriteInstance Azurite { get; }

    /// <summary>The provider simulator (its ledger counts every purchase).</summary>
    public DriveSimulator Simulator { get; }

    /// <summary>The callback receiver.</summary>
    public CallbackReceiver Callbacks { get; }

    /// <summary>The host process.</summary>
    public HostProcess Host { get; }

    /// <summary>The host's HTTP API with this run's key.</summary>
    public DriveApi Api { get; }

    /// <summary>Blob Storage of the drive's Azurite.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>Queue Storage of the drive's Azurite.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>Where the host logs go (kept when a drive fails).</summary>
    public string WorkFolder { get; }

    /// <summary>Starts Azurite, the simulator, the receiver and the host (task hub <paramref name="hubName"/>).</summary>
    public static async Task<DriveStack> StartAsync(
        string hubName,
        IReadOnlyDictionary<string, string> tunableSettings,
        Func<string, bool> refuseFirstCallback,
        CancellationToken cancellationToken)
    {
        var workFolder = Path.Combine(Path.GetTempPath(), $"mediagen-{hubName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(workFolder);
        var azurite = await AzuriteInstance.StartAsync(inMemory: Environment.GetEnvironmentVariable("AZURITE_MEMORY") == "1", cancellationToken);
        var simulator = new DriveSimulator();
        await simulator.InitializeAsync();
        var callbackKey = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var callbacks = await CallbackReceiver.StartAsync(callbackKey, refuseFirstCallback);
        var apiKey = Secret();
        // The host's address must be known before it starts: Pixazo webhooks are sent to it, also after a restart.
        var hostAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var sim = simulator.BaseAddress.ToString();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Workflows__PollInitialInterval"] = "00:00:01",
            ["Workflows__PollMaxInterval"] = "00:00:03",
            ["Callbacks__FirstRetryInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in tunableSettings)
        {
            settings[key] = value;
        }

        foreach (var key in settings.Keys.ToList())
        {
            if (Environment.GetEnvironmentVariable(key) is { Length: > 0 } given)
            {
                settings[key] = given;
            }
        }

        // Fixed: addresses, keys and identity.
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["ASPNETCORE_URLS"] = hostAddress.ToString().TrimEnd('/');
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["Api__Key"] = apiKey;
        settings["Cosmic__BaseUrl"] = sim;
        settings["Cosmic__BucketSlug"] = SimulatorFixture.BucketSlug;
        settings["Cosmic__WriteKey"] = SimulatorFixture.ApiKey;
        settings["Pixazo__BaseUrl"] = sim;
        settings["Pixazo__SubscriptionKey"] = SimulatorFixture.ApiKey;
        settings["Comet__BaseUrl"] = sim;
        settings["Comet__ApiKey"] = SimulatorFixture.ApiKey;
        settings["Media__AllowedNetworks"] = "127.0.0.1/32";
        settings["Workflows__PublicBaseUrl"] = hostAddress.ToString().TrimEnd('/');
        settings["Workflows__WebhookSigningKey"] = Secret();
        settings["Workflows__ResultsQueue"] = ResultsQueue;
        settings["Callbacks__SigningKey"] = callbackKey;
        settings["DurableTask__HubName"] = hubName;
        // Restarted in the same slot: the new process takes the killed one's partition leases back at once.
        settings["DurableTask__WorkerId"] = hubName + "-host";
        settings["RequestQueue__Enabled"] = "false";
        settings["BlobInbox__Enabled"] = "false";

        var host = new HostProcess(hostAddress, settings, workFolder);
        var stack = new DriveStack(azurite, simulator, callbacks, host, apiKey, workFolder);
        try
        {
            await host.StartAsync(cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>The results queue's client.</summary>
    public QueueClient ResultsQueueClient() => Queues.GetQueueClient(ResultsQueue);

    /// <summary>
    /// The drive's result from its summary line and violations: a passed drive's work folder is deleted (its logs are
    /// not needed), a failed one's is kept and named in <paramref name="log"/>.
    /// </summary>
    public DriveResult Finish(string summary, IReadOnlyList<string> violations, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var result = new DriveResult(summary, violations);
        if (!result.Passed)
        {
            log.WriteLine($"  host logs kept in {WorkFolder}");
            return result;
        }

        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return result;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        Api.Dispose();
        await Callbacks.DisposeAsync();
        await Simulator.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
