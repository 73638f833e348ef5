using MediaGen.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Launcher;

/// <summary>The provider simulator in this process, on real Kestrel at 127.0.0.1 and a free port.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The simulator's address, e.g. <c>http://127.0.0.1:41234/</c>: the base URL of all three providers.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The simulator's services (its <c>RequestLedger</c>, <c>FaultRegistry</c>…).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the simulator with its options changed by <paramref name="configure"/>, logging at <paramref name="minimumLogLevel"/> and above.</summary>
    public static async Task<SimulatorServer> StartAsync(Action<SimulatorOptions>? configure = null, string minimumLogLevel = "Warning")
    {
        var app = SimulatorApp.Build(["--urls", "http://127.0.0.1:0", $"--Logging:LogLevel:Default={minimumLogLevel}"], configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
