using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaGen.Core.Tests.Media;

/// <summary>
/// A real HTTP media source on loopback (Kestrel on 127.0.0.1:0 and 127.0.0.2:0) that counts the TCP connections
/// each address accepts, so tests can prove a refused URL was never connected to.
/// </summary>
public sealed class LoopbackSource : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int[] _connections;
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string? ContentType, bool Chunked)> _files = new(StringComparer.Ordinal);

    private LoopbackSource(WebApplication app, int[] connections, IReadOnlyList<Uri> bases)
    {
        _app = app;
        _connections = connections;
        Bases = bases;
    }

    /// <summary>Base URLs: [0] on 127.0.0.1, [1] on 127.0.0.2.</summary>
    public IReadOnlyList<Uri> Bases { get; }

    public static async Task<LoopbackSource> StartAsync()
    {
        IPAddress[] addresses = [IPAddress.Parse("127.0.0.1"), IPAddress.Parse("127.0.0.2")];
        var connections = new int[addresses.Length];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < addresses.Length; i++)
            {
                var index = i;
                kestrel.Listen(addresses[i], 0, listen => listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref connections[index]);
                    return next(connection);
                }));
            }
        });
        var app = builder.Build();
        LoopbackSource? self = null;
        app.MapGet("/files/{**path}", (string path, HttpContext context) => self!.ServeFileAsync(path, context));
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        app.MapGet("/redirect-loop", () => Results.Redirect("/redirect-loop"));
        app.MapGet("/stream", StreamAsync);
        app.MapGet("/stall", StallAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).ToList();
        var bases = addresses.Select(a => bound.Single(u => u.Host == a.ToString())).ToList();
        self = new LoopbackSource(app, connections, bases);
        return self;
    }

    /// <summary>Serves <paramref name="bytes"/> at <c>/files/{path}</c>.</summary>
    public Uri Serve(string path, byte[] bytes, string? contentType, bool chunked = false)
    {
        _files[path] = (bytes, contentType, chunked);
        return Url("/files/" + path);
    }

    public Uri Url(string pathAndQuery, int listener = 0) => new(Bases[listener], pathAndQuery);

    public int Connections(int listener = 0) => Volatile.Read(ref _connections[listener]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeFileAsync(string path, HttpContext context)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (file.ContentType is not null)
        {
            context.Response.ContentType = file.ContentType;
        }

        if (!file.Chunked)
        {
            context.Response.ContentLength = file.Bytes.Length;
        }

        // Several writes, so a chunked response really arrives in chunks.
        for (var offset = 0; offset < file.Bytes.Length; offset += 16 * 1024)
        {
            await context.Response.Body.WriteAsync(file.Bytes.AsMemory(offset, Math.Min(16 * 1024, file.Bytes.Length - offset)), context.RequestAborted);
        }
    }

    /// <summary><c>/stream?size=N[&amp;length=L][&amp;delayMs=D]</c>: <see cref="Payload"/> bytes, Content-Length L (omitted when absent), D ms between 64 KiB pieces.</summary>
    private static async Task StreamAsync(HttpContext context, long size, long? length, int? delayMs)
    {
        context.Response.ContentType = "video/mp4";
        if (length is not null)
        {
            context.Response.ContentLength = length;
        }

        var piece = new byte[64 * 1024];
        for (long offset = 0; offset < size; offset += piece.Length)
        {
            var n = (int)Math.Min(piece.Length, size - offset);
            Payload.Fill(piece.AsSpan(0, n), offset);
            await context.Response.Body.WriteAsync(piece.AsMemory(0, n), context.RequestAborted);
            if (delayMs is > 0)
            {
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(delayMs.Value, context.RequestAborted);
            }
        }
    }

    /// <summary><c>/stall</c>: a few bytes, then silence until the client gives up.</summary>
    private static async Task StallAsync(HttpContext context)
    {
        context.Response.ContentType = "image/png";
        await context.Response.Body.WriteAsync(Payload.Png(16), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client hung up, as expected.
        }
    }
}
