using MediaGen.Host.Extensions;
using MediaGen.Launcher;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGen.Parity.Tests.Support;

/// <summary>
/// The standalone host built as its <c>Program.cs</c> builds it (<c>AddMediaGenHost</c>, <c>MapMediaGenEndpoints</c>) on
/// Kestrel at 127.0.0.1 with its engine worker and listeners running, answering over real HTTP.
/// </summary>
internal sealed class StandaloneApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandaloneApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/> (no credentials of its own).</summary>
    public HttpClient Http { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The host's Durable Task client (the standalone engine's).</summary>
    public DurableTaskClient Client => _app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts the host on a free port with the settings <paramref name="settings"/> gives for its base address.</summary>
    public static async Task<StandaloneApp> StartAsync(Func<Uri, IReadOnlyDictionary<string, string?>> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(HostingExtensions).Assembly.GetName().Name });
            builder.Configuration.AddInMemoryCollection(settings(baseAddress));
            builder.WebHost.UseUrls(baseAddress.GetLeftPart(UriPartial.Authority));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddMediaGenHost();
            var app = builder.Build();
            app.MapMediaGenEndpoints();
            try
            {
                await app.StartAsync();
                return new StandaloneApp(app, baseAddress);
            }
            catch (IOException) when (attempt < 5)
            {
                // Another process took the free port between the probe and Kestrel's bind.
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> over HTTP and reads the answer.</summary>
    public Task<HttpAnswer> SendAsync(ParityRequest request) => request.SendAsync(Http);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
