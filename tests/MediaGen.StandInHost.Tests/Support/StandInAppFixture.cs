using System.Text.RegularExpressions;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>
/// The Functions app under the stand-in host, as a process, with its real worker, on an Azurite and a provider simulator
/// of its own (<see cref="StackFixture"/>), started by the launcher as <c>scripts/run.sh --functions</c> starts it. The front
/// door's port is chosen before the host starts, because the app must know its own public address before its worker
/// starts (<c>Workflows__PublicBaseUrl</c>: Pixazo's webhook URLs are built from it).
/// </summary>
public partial class StandInAppFixture : StackFixture
{
    private AppProcess? _host;

    /// <summary>The front door's address (also the app's <c>Workflows__PublicBaseUrl</c>).</summary>
    public Uri BaseAddress => _host?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    /// <summary>A value of the app's settings file (e.g. <c>RequestQueueName</c>).</summary>
    public string Setting(string name) =>
        (_host ?? throw new InvalidOperationException("Not started.")).Settings[name] ?? throw new KeyNotFoundException(name);

    /// <summary>The run's API key.</summary>
    public string ApiKey => Stack.ApiKey;

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
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var values = SimulatorFixture.ProviderSettings(Simulator.BaseAddress.ToString());
        values["DurableTaskHubName"] = "StandIn" + Guid.NewGuid().ToString("N")[..12];
        // Pixazo status polls every 10 s: a job the simulator's webhook reaches is finished by it (the webhook and its one
        // confirming poll) long before a scheduled poll is due, and a job without a webhook is finished by the first one.
        values["Workflows__PollInitialInterval"] = "00:00:10";
        values["Workflows__PollMaxInterval"] = "00:00:10";
        // A Pixazo job continues as new after 3 waits (polls or webhooks; default 20).
        values["Workflows__PollsPerGeneration"] = "3";
        values["Callbacks__FirstRetryInterval"] = "00:00:01";
        values["Callbacks__MaxRetryInterval"] = "00:00:02";
        // One callback signing key: the tests verify deliveries with it alone.
        values["Callbacks__SecondarySigningKey"] = "";
        Configure(values);
        _host = await Stack.StartAppAsync(StackApp.Functions, settings: values);
    }

    /// <summary>Adjusts the app's settings before it starts (a fixture of its own for settings the shared app must not have).</summary>
    protected virtual void Configure(IDictionary<string, string?> values)
    {
    }

    [GeneratedRegex(@"Worker process (?<pid>\d+) loaded \d+ functions")]
    private static partial Regex WorkerLoadedLine();
}
