using System.Net;
using System.Text;
using MediaGen.Host.Tests.Support;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Simulator;
using MediaGen.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Host.Tests.Streaming;

[Collection(HostCollection.Name)]
public sealed class TextStreamTests(HostEnvironment env)
{
    [Fact]
    public async Task StreamText_ValidPrompt_SendsTextEventsThenUsageThenEnd()
    {
        await using var host = await env.StartHostAsync();

        using var response = await SendAsync(host, """{"prompt":"Tell me about foxes","max_tokens":50}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ReadEventsAsync(response);
        Assert.True(events.Count(e => e.Name == "text") >= 2, "several fragments");
        Assert.Equal(["usage", "end"], events.Select(e => e.Name).TakeLast(2));
        var text = string.Concat(events.Where(e => e.Name == "text").Select(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
        Assert.Contains("Tell me about foxes", text, StringComparison.Ordinal);
        Assert.Contains("outputTokens", events.Single(e => e.Name == "usage").Data, StringComparison.Ordinal);
        Assert.Contains("\"jobs\":[]", await host.Api.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamText_StreamBreaksOff_EndsWithErrorEvent()
    {
        await using var host = await env.StartHostAsync();
        await env.Simulator.AddFaultAsync("stream-error", SimulatorEndpoints.CosmicText, promptContains: "break-off");
        try
        {
            using var response = await SendAsync(host, """{"prompt":"please break-off"}""");

            var events = await ReadEventsAsync(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("error", events[^1].Name);
            Assert.DoesNotContain(events, e => e.Name == "end");
        }
        finally
        {
            await env.Simulator.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task StreamText_ProviderRateLimited_Returns429ProblemDetailsBeforeStreaming()
    {
        await using var host = await env.StartHostAsync();
        await env.Simulator.AddFaultAsync("429", SimulatorEndpoints.CosmicText, promptContains: "rate-limit-me");
        try
        {
            using var response = await SendAsync(host, """{"prompt":"rate-limit-me"}""");

            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("rate_limited", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await env.Simulator.ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task StreamText_FailureAfterTheFirstEvent_LogsTheRouteAndCutsTheResponseShort()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await env.StartHostAsync(configureServices: services =>
        {
            logs.Install()(services);
            services.AddHttpClient(nameof(CosmicClient)).ConfigurePrimaryHttpMessageHandler(() => new BreakingTextStreamHandler());
        });

        using var response = await SendAsync(host, """{"prompt":"Tell me about foxes"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: text", await reader.ReadLineAsync());
        Assert.Contains(BreakingTextStreamHandler.Fragment, await reader.ReadLineAsync(), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync());

        var logged = Assert.Single(logs.Lines, l => l.Contains("after its response had started", StringComparison.Ordinal));
        Assert.Contains("Failure of POST /api/text/stream (/api/text/stream)", logged, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidDataException), logged, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(TestHost host, string json) =>
        host.Api.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/text/stream") { Content = new StringContent(json, Encoding.UTF8, "application/json") },
            HttpCompletionOption.ResponseHeadersRead);

    private static async Task<List<(string Name, string Data)>> ReadEventsAsync(HttpResponseMessage response)
    {
        var events = new List<(string, string)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name ?? "message", line["data: ".Length..]));
            }
        }

        return events;
    }
}
