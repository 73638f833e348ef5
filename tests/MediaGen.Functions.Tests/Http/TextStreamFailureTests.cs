using System.Net;
using System.Text;
using MediaGen.Core.Providers.Cosmic;
using Microsoft.Extensions.Logging;

namespace MediaGen.Functions.Tests.Http;

/// <summary>
/// A failure while the text stream's result executes (after the worker's ASP.NET Core integration has started the
/// response), over real HTTP to a loopback server running the <c>StreamText</c> function through that integration
/// (<see cref="WorkerHttpPipeline"/>) with the app's services, Cosmic's client given a handler that breaks after the first
/// event: it is logged with the function and route, and the response is cut short, as on the standalone host. Cosmic
/// misbehaving on the wire is a provider error the stream reports in an <c>error</c> event; this failure is one the app
/// does not expect, so it is injected where only an in-process test can put it (the Durable engine plays no part).
/// </summary>
public sealed class TextStreamFailureTests
{
    [Fact]
    public async Task StreamText_FailureAfterTheFirstEvent_LogsTheRouteAndCutsTheResponseShort()
    {
        var logs = new LogCapture();
        var builder = FunctionsApp.CreateBuilder(new Dictionary<string, string?> { ["Cosmic:BaseUrl"] = "http://127.0.0.1:9/", ["Cosmic:BucketSlug"] = "b", ["Cosmic:WriteKey"] = "k" });
        logs.Install(builder.Services);
        builder.Services.AddHttpClient(nameof(CosmicClient)).ConfigurePrimaryHttpMessageHandler(() => new BreakingTextStreamHandler());
        using var app = builder.Build();
        await using var server = await LoopbackHttpServer.StartAsync(async http =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await WorkerHttpPipeline.RunAsync(app.Services, scope.ServiceProvider, MetadataFunctionDefinition.Of("StreamText"), http, async context =>
                await ActivatorUtilities.CreateInstance<TextStreamHttpFunctions>(context.InstanceServices).StreamText(http.Request, http.RequestAborted));
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/text/stream")
        {
            Content = new StringContent("""{"prompt":"Tell me about foxes"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", FunctionsApp.ApiKey);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: text", await reader.ReadLineAsync());
        Assert.Contains(BreakingTextStreamHandler.Fragment, await reader.ReadLineAsync(), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync());

        var logged = Assert.Single(logs.Entries.Snapshot(), e => e.Level == LogLevel.Error && e.Category == typeof(HttpApiMiddleware).FullName);
        Assert.Equal("Failure of function StreamText (POST /api/text/stream) after its response had started; the response is cut short", logged.Message);
        Assert.IsType<InvalidDataException>(logged.Exception);
    }
}
