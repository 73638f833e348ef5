using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// The host's gRPC endpoint for its workers: Kestrel on 127.0.0.1 and a free port, HTTP/2 without TLS (as the Functions
/// host serves <c>FunctionRpc</c>), messages of any size (the host starts workers with the largest message length).
/// </summary>
internal sealed class WorkerRpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkerRpcServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The address workers connect to, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Starts the server, handing each worker's stream to the connection <paramref name="registry"/> holds for it.</summary>
    public static async Task<WorkerRpcServer> StartAsync(WorkerConnectionRegistry registry, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only the server's warnings and errors reach the host's log: its request lines would repeat for every worker.
        builder.Logging.ClearProviders().AddProvider(new ForwardingLoggerProvider(loggerFactory)).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(registry);
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new WorkerRpcServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
