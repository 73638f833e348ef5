using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MediaGen.Testing;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>
/// The Functions app under the stand-in host, as a process, with its real worker, on an Azurite and a provider simulator
/// of its own. The front door's port is chosen before the host starts, because the app must know its own public address
/// before its worker starts (<c>Workflows__PublicBaseUrl</c>: Pixazo's webhook URLs are built from it).
/// </summary>
public sealed partial class StandInAppFixture : IAsyncLifetime
{
    private readonly SimulatorFixture _simulator = new();
    private AzuriteInstance? _azurite;
    private RunSettings? _settings;
    private StandInHostProcess? _host;

    /// <summary>The front door's address (also the app's <c>Workflows__PublicBaseUrl</c>).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The provider simulator the app calls (its ledger counts what each job bought).</summary>
    public SimulatorFixture Simulator => _simulator;

    /// <summary>The app's storage (Azurite).</summary>
    public string StorageConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    /// <summary>A value of the app's settings file (e.g. <c>RequestQueue__QueueName</c>).</summary>
    public string Setting(string name) => _settings?.Value(name) ?? throw new InvalidOperationException("Not started.");

    /// <summary>The run's API key.</summary>
    public string ApiKey => _settings?.ApiKey ?? throw new InvalidOperationException("Not started.");

    /// <summary>Everything the host (and its worker) printed so far.</summary>
    public string Output => _host?.Output ?? "";

    /// <summary>
    /// The process id of the worker that last finished loading the app's functions, as the host printed it
    /// (<c>Worker process {pid} loaded {n} functions</c>); null before the first one has.
    /// </summary>
    public int? WorkerProcessId =>
        WorkerLoadedLine().Matches(Output) is { Count: > 0 } loaded ? int.Parse(loaded[^1].Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A client for the app with the run's key.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return client;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _simulator.InitializeAsync();
        _azurite = await AzuriteInstance.StartAsync(inMemory: true);
        var port = FreePort();
        var values = SimulatorFixture.ProviderSettings(_simulator.BaseAddress.ToString())
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        values["Workflows__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        // Pixazo status polls every 10 s: a job the simulator's webhook reaches is finished by it (the webhook and its one
        // confirming poll) long before a scheduled poll is due, and a job without a webhook is finished by the first one.
        values["Workflows__PollInitialInterval"] = "00:00:10";
        values["Workflows__PollMaxInterval"] = "00:00:10";
        // A Pixazo job continues as new after 3 waits (polls or webhooks; default 20).
        values["Workflows__PollsPerGeneration"] = "3";
        values["Callbacks__FirstRetryInterval"] = "00:00:01";
        values["Callbacks__MaxRetryInterval"] = "00:00:02";
        _settings = RunSettings.Create(_azurite.ConnectionString, values);
        _host = StandInHostProcess.Start(
            "--app", _settings.Options().AppFolder, "--settings", _settings.SettingsFile, "--host-json", _settings.HostJsonFile,
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        BaseAddress = await _host.ReadyAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _settings?.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        await _simulator.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Worker process (?<pid>\d+) loaded \d+ functions")]
    private static partial Regex WorkerLoadedLine();
}
