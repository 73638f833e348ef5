using MediaGen.StandInHost.Worker;
using MediaGen.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// The built Functions app's worker under the stand-in host's worker side (<see cref="WorkerSupervisor"/>), on a fresh
/// Azurite, with settings made from <c>local.settings.sample.json</c>; shared by the worker tests.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;
    private ILoggerFactory? _loggerFactory;
    private WorkerSupervisor? _supervisor;

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
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        var options = new FunctionsWorkerOptions { AppDirectory = FunctionsAppOutput.Directory };
        foreach (var (name, value) in WorkerAppSettings.FromSample(_azurite.ConnectionString, CallbackSigningKey))
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
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
