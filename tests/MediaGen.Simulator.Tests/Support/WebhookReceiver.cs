using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace MediaGen.Simulator.Tests.Support;

/// <summary>A loopback endpoint (<see cref="LoopbackHttpServer"/>) that records every Pixazo webhook the simulator POSTs to it.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();
    private LoopbackHttpServer? _server;
    private int _failuresLeft;

    public Uri Url => new(_server!.BaseAddress, "/webhook/callback");

    /// <summary>Starts a receiver that answers the first <paramref name="failFirst"/> calls with 500.</summary>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new WebhookReceiver { _failuresLeft = failFirst };
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    /// <summary>The next payload received (waits up to <see cref="Waits.HangGuard"/>, then fails the test).</summary>
    public async Task<JsonObject> NextAsync() => await _received.Reader.ReadAsync().AsTask().WaitAsync(Waits.HangGuard);

    /// <summary>Payloads received so far without waiting.</summary>
    public List<JsonObject> Drain()
    {
        var items = new List<JsonObject>();
        while (_received.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await _received.Writer.WriteAsync(body);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
