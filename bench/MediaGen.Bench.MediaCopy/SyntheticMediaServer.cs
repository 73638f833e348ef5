namespace MediaGen.Bench.MediaCopy;

/// <summary>
/// Stand-in for the provider simulator's <c>GET /media/synthetic/{name}.{ext}?size=&lt;bytes&gt;</c> until that is
/// merged; same route shape, so the benchmark switches by changing only the source base URL (SOURCE_URL).
/// </summary>
internal static class SyntheticMediaServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/media/synthetic/{name}.{ext}", async (string name, string ext, long size, HttpContext context) =>
        {
            context.Response.ContentType = SyntheticMedia.ContentTypeFor(ext);
            context.Response.ContentLength = size;
            await SyntheticMedia.WriteAsync(ext, size, chunk => context.Response.Body.WriteAsync(chunk, context.RequestAborted).AsTask());
        });
        await app.StartAsync();
        Console.WriteLine($"synthetic media source listening at {app.Urls.First()}");
        await app.WaitForShutdownAsync();
    }
}
