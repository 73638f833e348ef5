using MediaGen.Testing;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>
/// The Functions app under the stand-in host, as a process, with its real worker, on an Azurite and a provider simulator
/// of its own; shared by a test class.
/// </summary>
public sealed class StandInAppFixture : IAsyncLifetime
{
    private readonly SimulatorFixture _simulator = new();
    private AzuriteInstance? _azurite;
    private RunSettings? _settings;
    private StandInHostProcess? _host;

    /// <summary>The front door's address.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The app's storage (Azurite).</summary>
    public string StorageConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    /// <summary>A value of the app's settings file (e.g. <c>RequestQueue__QueueName</c>).</summary>
    public string Setting(string name) => _settings?.Value(name) ?? throw new InvalidOperationException("Not started.");

    /// <summary>The run's API key.</summary>
    public string ApiKey => _settings?.ApiKey ?? throw new InvalidOperationException("Not started.");

    /// <summary>Everything the host (and its worker) printed so far.</summary>
    public string Output => _host?.Output ?? "";

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
        var values = SimulatorFixture.ProviderSettings(_simulator.BaseAddress.ToString())
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        values["Workflows__PollInitialInterval"] = "00:00:01";
        values["Workflows__PollMaxInterval"] = "00:00:02";
        _settings = RunSettings.Create(_azurite.ConnectionString, values);
        _host = StandInHostProcess.Start(
            "--app", _settings.Options().AppFolder, "--settings", _settings.SettingsFile, "--host-json", _settings.HostJsonFile, "--port", "0");
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
}
