using System.Net.ServerSentEvents;
using MediaGen.Core.Providers.Cosmic;

namespace MediaGen.Host.Tests.Streaming;

[Collection(JobsCollection.Name)]
public sealed class TextStreamTests(HostEnvironment env)
{
    private const string PartnerKey = "stream-partner-key-0123456789";

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

    [Fact]
    public async Task StreamText_OverTheCallersTokenBudget_Returns402BeforeCallingCosmic()
    {
        var partner = Partner();
        await using var host = await StartPartnerAsync(partner, dailyTokens: "100");
        using var client = PartnerClient(host);
        var prompt = "An unaffordable essay " + Guid.NewGuid().ToString("N");

        using var response = await SendAsync(client, $$"""{"prompt":"{{prompt}}","max_tokens":500}""");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("daily tokens", partner), (problem.GetProperty("budget").GetString(), problem.GetProperty("caller").GetString()));
        Assert.Equal((Encoding.UTF8.GetByteCount(prompt) + 500) * 2m, problem.GetProperty("estimate").GetDecimal());
        Assert.Equal(0, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicText, prompt));
        var tokens = await DailyTokensAsync(client);
        Assert.Equal((0m, 0m), (tokens.GetProperty("reserved").GetDecimal(), tokens.GetProperty("spent").GetDecimal()));
    }

    [Fact]
    public async Task StreamText_UnknownCostUnderATokenBudget_Returns402()
    {
        await using var host = await StartPartnerAsync(Partner(), dailyTokens: "1000000");
        using var client = PartnerClient(host);

        using var response = await SendAsync(client, """{"prompt":"No cap on the answer"}""");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(problem.TryGetProperty("estimate", out var estimate) && estimate.ValueKind != JsonValueKind.Null, "the estimate is unknown without max_tokens");
    }

    [Fact]
    public async Task StreamText_WithinBudget_ReservesThenSettlesToTheReportedUsage()
    {
        var partner = Partner();
        await using var host = await StartPartnerAsync(partner, dailyTokens: "100000");
        using var client = PartnerClient(host);

        using var response = await SendAsync(client, """{"prompt":"Tell me about budgets","max_tokens":50}""");
        var events = await ReadEventsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var usage = JsonDocument.Parse(events.Single(e => e.Name == "usage").Data).RootElement;
        var used = usage.GetProperty("inputTokens").GetInt64() + usage.GetProperty("outputTokens").GetInt64();
        var tokens = await DailyTokensAsync(client);
        // The default text model (claude-opus-4-8) is Cosmic's standard tier: 2 tokens deducted per token used.
        Assert.Equal((100_000m, 0m, used * 2m), (tokens.GetProperty("limit").GetDecimal(), tokens.GetProperty("reserved").GetDecimal(), tokens.GetProperty("spent").GetDecimal()));
        var budgets = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/budgets", UriKind.Relative))).RootElement;
        Assert.Equal(partner, budgets.GetProperty("caller").GetString());
    }

    [Fact]
    public async Task StreamText_BreaksOffWithoutUsage_SettlesToTheReservedEstimate()
    {
        await using var host = await StartPartnerAsync(Partner(), dailyTokens: "100000");
        using var client = PartnerClient(host);
        var prompt = "please break-off budget " + Guid.NewGuid().ToString("N")[..8];
        await env.Simulator.AddFaultAsync("stream-error", SimulatorEndpoints.CosmicText, promptContains: "break-off budget");
        try
        {
            using var response = await SendAsync(client, $$"""{"prompt":"{{prompt}}","max_tokens":40}""");
            var events = await ReadEventsAsync(response);

            Assert.Equal("error", events[^1].Name);
            var tokens = await DailyTokensAsync(client);
            Assert.Equal((0m, (Encoding.UTF8.GetByteCount(prompt) + 40) * 2m), (tokens.GetProperty("reserved").GetDecimal(), tokens.GetProperty("spent").GetDecimal()));
        }
        finally
        {
            await env.Simulator.ClearFaultsAsync();
        }
    }

    [Theory]
    [InlineData("http://10.0.0.7/report.pdf")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://user:pw@example.com/doc.pdf")]
    public async Task StreamText_MediaUrlTheJobMediaChecksRefuse_Returns400NamingMediaUrl(string mediaUrl)
    {
        await using var host = await env.StartHostAsync();
        var prompt = "Summarise " + Guid.NewGuid().ToString("N");

        using var response = await SendAsync(host, $$"""{"prompt":"{{prompt}}","max_tokens":50,"media_url":"{{mediaUrl}}"}""");

        var problem = await ProblemAssert.InvalidAsync(response, "media_url");
        Assert.Equal("blocked_url", problem.GetProperty("errors")[0].GetProperty("rule").GetString());
        Assert.Equal(0, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicText, prompt));
    }

    private static string Partner() => "streamer-" + Guid.NewGuid().ToString("N")[..8];

    private Task<TestHost> StartPartnerAsync(string partner, string dailyTokens) =>
        env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            [$"Api:Keys:{partner}"] = PartnerKey,
            [$"Budgets:Callers:{partner}:DailyTokens"] = dailyTokens,
        });

    private static HttpClient PartnerClient(TestHost host)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", PartnerKey);
        return client;
    }

    private static async Task<JsonElement> DailyTokensAsync(HttpClient client)
    {
        var report = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/budgets", UriKind.Relative))).RootElement;
        return report.GetProperty("budgets").EnumerateArray()
            .Single(b => b.GetProperty("unit").GetString() == "tokens" && b.GetProperty("period").GetString() == "daily");
    }

    private static Task<HttpResponseMessage> SendAsync(TestHost host, string json) => SendAsync(host.Api, json);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string json) =>
        client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/text/stream") { Content = new StringContent(json, Encoding.UTF8, "application/json") },
            HttpCompletionOption.ResponseHeadersRead);

    // Read as any SSE client would, with the platform's parser.
    private static async Task<List<(string Name, string Data)>> ReadEventsAsync(HttpResponseMessage response)
    {
        var events = new List<(string, string)>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add((item.EventType, item.Data));
        }

        return events;
    }
}
