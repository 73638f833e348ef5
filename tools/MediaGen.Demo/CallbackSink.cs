using System.Collections.Concurrent;
using System.Text.Json;
using MediaGen.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGen.Demo;

/// <summary>
/// The demo's callback receiver, on a free loopback port: checks every delivery with the client's
/// <see cref="CallbackVerifier"/> (with each secret while a rotation is under way) and refuses the very first delivery
/// once with 503, to show the retry arriving with the same <c>webhook-id</c>.
/// </summary>
internal sealed class CallbackSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<CallbackVerifier> _verifiers;
    private readonly ConcurrentQueue<CallbackDelivery> _deliveries = new();
    private int _refused;

    private CallbackSink(WebApplication app, IReadOnlyList<CallbackVerifier> verifiers)
    {
        _app = app;
        _verifiers = verifiers;
        _app.MapPost("/mediagen-callbacks", ReceiveAsync);
    }

    /// <summary>Where deliveries go.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every delivery so far, in arrival order.</summary>
    public IReadOnlyList<CallbackDelivery> Deliveries => [.. _deliveries];

    public static async Task<CallbackSink> StartAsync(IEnumerable<string> secrets)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var sink = new CallbackSink(builder.Build(), secrets.Select(s => new CallbackVerifier(s)).ToArray());
        await sink._app.StartAsync();
        var address = sink._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        sink.Url = new Uri(address.TrimEnd('/') + "/mediagen-callbacks");
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        string? Header(string name) => request.Headers[name].ToString() is { Length: > 0 } value ? value : null;
        var id = Header("webhook-id");
        var valid = _verifiers.All(v => v.Verify(id, Header("webhook-timestamp"), Header("webhook-signature"), body));
        var refuse = Interlocked.CompareExchange(ref _refused, 1, 0) == 0;
        string? job = null;
        try
        {
            job = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            valid = false;
        }

        _deliveries.Enqueue(new CallbackDelivery(id ?? "(none)", job, valid, refuse));
        return Results.StatusCode(refuse ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
