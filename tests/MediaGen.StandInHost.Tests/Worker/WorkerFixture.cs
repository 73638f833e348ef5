using MediaGen.StandInHost.Worker;
using Microsoft.Extensions.Options;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// The built Functions app's worker under the stand-in host's worker side (<see cref="WorkerSupervisor"/>), on a fresh
/// Azurite, with settings made from <c>local.settings.sample.json</c>; shared by the worker tests.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;
    private LoopbackHttpServer? _cosmic;
    private ILoggerFactory? _loggerFactory;
    private WorkerSupervisor? _supervisor;

    /// <summary>The API key callers of the app's HTTP functions send (<c>x-functions-key</c>).</summary>
    public string ApiKey { get; } = "stand-in-test-key-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// What answers the app's Cosmic calls (Cosmic's base URL points at a loopback server running this); a test that
    /// needs Cosmic sets it. Default: 503.
    /// </summary>
    public RequestDelegate Cosmic { get; set; } = context =>
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Task.CompletedTask;
    };

    /// <summary>The key the app signs callbacks with.</summary>
    public string CallbackSigningKey { get; } = ReceivedWebhook.NewSecret();

    /// <summary>Everything the stand-in host logged, the worker's logs included.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The started supervisor.</summary>
    public WorkerSupervisor Supervisor => _supervisor ?? throw new InvalidOperationException("Not started.");

    /// <summary>The functions the supervisor indexed at start.</summary>
    public IReadOnlyList<WorkerFunctionMetadata> Indexed { get; private set; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _cosmic = await LoopbackHttpServer.StartAsync(context => Cosmic(context));
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        var options = new FunctionsWorkerOptions { AppDirectory = FunctionsAppOutput.Directory };
        foreach (var (name, value) in WorkerAppSettings.FromSample(_azurite.ConnectionString, ApiKey, CallbackSigningKey, _cosmic.BaseAddress))
        {
            options.Environment[name] = value;
        }

        _supervisor = new WorkerSupervisor(Options.Create(options), _loggerFactory);
        Indexed = await _supervisor.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_supervisor is not null)
        {
            await _supervisor.DisposeAsync();
        }

        _loggerFactory?.Dispose();
        if (_cosmic is not null)
        {
            await _cosmic.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
