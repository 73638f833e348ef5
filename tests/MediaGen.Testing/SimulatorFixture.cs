using System.Net.Http.Json;
using MediaGen.Simulator;
using MediaGen.Simulator.Faults;
using MediaGen.Simulator.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace MediaGen.Testing;

/// <summary>
/// xUnit fixture running the provider simulator in-process on real Kestrel, on 127.0.0.1 and a
/// free port. One simulator serves Cosmic, Pixazo and CometAPI at <see cref="BaseAddress"/>.
/// Defaults are fast (no latency, Pixazo 50 ms queued + 50 ms processing); derive and override
/// <see cref="Configure"/> for other options.
/// </summary>
public class SimulatorFixture : IAsyncLifetime
{
    /// <summary>A Cosmic bucket slug to use in paths; any slug works.</summary>
    public const string BucketSlug = SimulatorSettings.BucketSlug;

    /// <summary>A key every provider accepts unless <see cref="SimulatorOptions"/> lists keys.</summary>
    public const string ApiKey = SimulatorSettings.ApiKey;

    private SimulatorServer? _server;
    private HttpClient? _client;

    /// <summary>
    /// The app settings that point all three providers at a simulator on <paramref name="baseAddress"/> with
    /// <see cref="ApiKey"/>, allow media downloads from loopback, and leave retries to the orchestrations (no
    /// client-side provider retries).
    /// </summary>
    public static Dictionary<string, string?> ProviderSettings(string baseAddress)
    {
        var settings = SimulatorSettings.Providers(baseAddress);
        settings["ProviderResilience:MaxRetryAttempts"] = "0";
        return settings;
    }

    /// <summary>The simulator's address, e.g. <c>http://127.0.0.1:41234/</c>: the base URL of all three providers.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client for <see cref="BaseAddress"/>, without credentials.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The simulator is not started.");

    /// <summary>The simulator's services (its <c>RequestLedger</c>, <c>FaultRegistry</c>…).</summary>
    public IServiceProvider Services => _server?.Services ?? throw new InvalidOperationException("The simulator is not started.");

    /// <summary>The live options: changes apply to the next request.</summary>
    public SimulatorOptions Options => Services.GetRequiredService<IOptionsMonitor<SimulatorOptions>>().CurrentValue;

    /// <summary>An absolute URL on the simulator.</summary>
    public Uri Url(string relative) => new(BaseAddress, relative);

    /// <summary>Arms a fault rule through <c>POST /_simulator/faults</c>.</summary>
    public async Task<ArmedFault> AddFaultAsync(FaultRule rule, CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsJsonAsync(new Uri("/_simulator/faults", UriKind.Relative), rule, SimulatorJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<ArmedFault>(SimulatorJson.Options, cancellationToken))!;
    }

    /// <summary>Arms <paramref name="fault"/> (directive grammar, e.g. <c>429=2</c>) for the next <paramref name="count"/> matching requests (0: until cleared).</summary>
    public Task<ArmedFault> AddFaultAsync(
        string fault, string? endpoint = null, int count = 1, string? promptContains = null, string? requestId = null,
        CancellationToken cancellationToken = default) =>
        AddFaultAsync(new FaultRule { Fault = fault, Endpoint = endpoint, Count = count, PromptContains = promptContains, RequestId = requestId }, cancellationToken);

    /// <summary>Disarms every fault rule (<c>DELETE /_simulator/faults</c>).</summary>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.DeleteAsync(new Uri("/_simulator/faults", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>The armed fault rules with their remaining uses (<c>GET /_simulator/faults</c>).</summary>
    public async Task<IReadOnlyList<ArmedFault>> GetFaultsAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetFromJsonAsync<IReadOnlyList<ArmedFault>>(new Uri("/_simulator/faults", UriKind.Relative), SimulatorJson.Options, cancellationToken))!;

    /// <summary>Everything counted since the last reset (<c>GET /_simulator/requests</c>).</summary>
    public async Task<LedgerSnapshot> GetRequestsAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetFromJsonAsync<LedgerSnapshot>(new Uri("/_simulator/requests", UriKind.Relative), SimulatorJson.Options, cancellationToken))!;

    /// <summary>Clears counters and faults, re-arming per-run faults (<c>POST /_simulator/reset</c>).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsync(new Uri("/_simulator/reset", UriKind.Relative), null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync(Configure, MinimumLogLevel);
        BaseAddress = _server.BaseAddress;
        _client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The simulator's minimum log level (console). Default <c>Warning</c>.</summary>
    protected virtual string MinimumLogLevel => "Warning";

    /// <summary>Adjusts the simulator's options before it starts. The base sets fast test defaults.</summary>
    protected virtual void Configure(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Latency = TimeSpan.Zero;
        options.CosmicVideoLatency = TimeSpan.Zero;
        options.StreamChunkDelay = TimeSpan.Zero;
        options.PixazoQueuedFor = TimeSpan.FromMilliseconds(50);
        options.PixazoProcessingFor = TimeSpan.FromMilliseconds(50);
        options.WebhookRetryDelay = TimeSpan.FromMilliseconds(50);
        options.DefaultRetryAfter = TimeSpan.FromSeconds(1);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"Simulator admin call failed with {(int)response.StatusCode}: {body}");
        }
    }
}
