using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using MediaGen.Launcher;
using MediaGen.Testing;

namespace MediaGen.Drives;

/// <summary>
/// Everything one drive runs on, started by the launcher as <c>scripts/run.sh</c> starts it (<see cref="LocalStack"/>): its
/// own Azurite (free loopback ports, its own data folder on disk unless <c>AZURITE_MEMORY=1</c>), the provider simulator, a
/// callback receiver and the standalone host as a separate process on a free port, configured for the simulator with
/// per-run keys. Tunable host settings given here
/// are defaults: the same variable in the drive's environment (e.g. <c>DurableTask__WorkItemQueueVisibilityTimeout</c>)
/// wins, and the host inherits every other variable of the drive's environment.
/// </summary>
public sealed class DriveStack : IAsyncDisposable
{
    /// <summary>The results queue the host writes to.</summary>
    public const string ResultsQueue = LocalStack.ResultsQueue;

    private readonly LocalStack _stack;

    private DriveStack(LocalStack stack, DriveSimulator simulator, CallbackReceiver callbacks, AppProcess host)
    {
        _stack = stack;
        Simulator = simulator;
        Callbacks = callbacks;
        Host = host;
        Api = new DriveApi(host.BaseAddress, stack.ApiKey);
        Blobs = new BlobServiceClient(stack.Azurite.ConnectionString);
        Queues = new QueueServiceClient(stack.Azurite.ConnectionString);
    }

    /// <summary>The drive's Azurite.</summary>
    public AzuriteInstance Azurite => _stack.Azurite;

    /// <summary>The provider simulator (its ledger counts every purchase).</summary>
    public DriveSimulator Simulator { get; }

    /// <summary>The callback receiver.</summary>
    public CallbackReceiver Callbacks { get; }

    /// <summary>The host process.</summary>
    public AppProcess Host { get; }

    /// <summary>The host's HTTP API with this run's key.</summary>
    public DriveApi Api { get; }

    /// <summary>Blob Storage of the drive's Azurite.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>Queue Storage of the drive's Azurite.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>Where the host logs go (kept when a drive fails).</summary>
    public string WorkFolder => _stack.WorkFolder;

    /// <summary>
    /// Starts Azurite, the simulator, the receiver and the host (task hub <paramref name="hubName"/>); Azurite keeps its data
    /// on disk when <paramref name="storageOnDisk"/> is set, whatever <c>AZURITE_MEMORY</c> says (a drive that stops and
    /// restarts it needs its data back).
    /// </summary>
    public static async Task<DriveStack> StartAsync(
        string hubName,
        IReadOnlyDictionary<string, string> tunableSettings,
        Func<string, bool> refuseFirstCallback,
        CancellationToken cancellationToken,
        bool storageOnDisk = false)
    {
        var workFolder = Path.Combine(Path.GetTempPath(), $"mediagen-{hubName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        var simulator = new DriveSimulator();
        await simulator.InitializeAsync();
        var callbackKey = StackSecrets.CallbackKey();
        var callbacks = await CallbackReceiver.StartAsync(callbackKey, refuseFirstCallback);
        LocalStack stack;
        try
        {
            stack = await LocalStack.StartAsync(
                new LocalStackOptions
                {
                    WorkFolder = workFolder,
                    AzuriteInMemory = !storageOnDisk && Environment.GetEnvironmentVariable("AZURITE_MEMORY") == "1",
                    SimulatorAddress = simulator.BaseAddress,
                    CallbackKey = callbackKey,
                },
                cancellationToken);
        }
        catch
        {
            await callbacks.DisposeAsync();
            await simulator.DisposeAsync();
            throw;
        }

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
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

        // Fixed: one signing key (the receiver's), the hub and the host's identity, no intake listeners.
        settings["Callbacks__SecondarySigningKey"] = null;
        settings["DurableTask__HubName"] = hubName;
        // Restarted in the same slot: the new process takes the killed one's partition leases back at once.
        settings["DurableTask__WorkerId"] = hubName + "-host";
        settings["RequestQueue__Enabled"] = "false";
        settings["BlobInbox__Enabled"] = "false";

        // The host's address is chosen before it starts: Pixazo webhooks are sent to it, also after a restart.
        var host = stack.CreateApp(StackApp.Standalone, settings: settings);
        var drive = new DriveStack(stack, simulator, callbacks, host);
        try
        {
            await host.StartAsync(cancellationToken);
            return drive;
        }
        catch
        {
            await drive.DisposeAsync();
            throw;
        }
    }

    /// <summary>The results queue's client.</summary>
    public QueueClient ResultsQueueClient() => Queues.GetQueueClient(ResultsQueue);

    /// <summary>
    /// The drive's result from its summary line and violations: a passed drive's work folder is deleted (its logs are
    /// not needed) unless <c>DRIVE_KEEP_LOGS=1</c>, a failed one's is kept and named in <paramref name="log"/>.
    /// </summary>
    public DriveResult Finish(string summary, IReadOnlyList<string> violations, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var result = new DriveResult(summary, violations);
        if (!result.Passed || Environment.GetEnvironmentVariable("DRIVE_KEEP_LOGS") == "1")
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
        Api.Dispose();
        await _stack.DisposeAsync();
        await Callbacks.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
