using System.Net;
using System.Text;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Functions.Http;
using MediaGen.Functions.Tests.Support;
using MediaGen.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGen.Functions.Tests.Http;

/// <summary>
/// A failure while the text stream's result executes (after the worker's ASP.NET Core integration has started the
/// response), over real HTTP to the app's loopback address: it is logged with the function and route, and the response is
/// cut short, as on the standalone host.
/// </summary>
public sealed class TextStreamFailureTests(EngineAppFixture fixture) : IClassFixture<EngineAppFixture>
{
    [Fact]
    public async Task StreamText_FailureAfterTheFirstEvent_LogsTheRouteAndCutsTheResponseShort()
    {
        var logs = new LogCapture();
        await using var app = await fixture.StartAsync(EngineAppFixture.NewHub(), configureServices: services =>
        {
            logs.Install(services);
            services.AddHttpClient(nameof(CosmicClient)).ConfigurePrimaryHttpMessageHandler(() => new BreakingTextStreamHandler());
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/text/stream")
        {
            Content = new StringContent("""{"prompt":"Tell me about foxes"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", EngineAppFixture.ApiKey);

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
