using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Budgets;

/// <summary>
/// Budgets over HTTP on the standalone host: the caller is the API key's caller name; a job that does not fit is a 402
/// ProblemDetails naming the budget, the estimate and what remains, and starts nothing; <c>GET /api/budgets</c> shows the
/// caller's limits, reserved and spent amounts; job status carries the cost.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class BudgetRoutesTests(HostEnvironment env)
{
    private const string PartnerKey = "partner-key-0123456789abcdef";

    [Fact]
    public async Task StartJob_OverThePartnersDailyBudget_Returns402NamingBudgetEstimateAndRemaining()
    {
        var partner = "partner-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await StartAsync(partner, new() { [$"Budgets:Callers:{partner}:DailyUsd"] = "0.10" });
        using var client = Client(host);

        var first = await PostAsync(client, Pixazo(2));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var prompt = $"Too costly {Guid.NewGuid():N}";
        using var refused = await PostAsync(client, $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}","num_images":2}}""");

        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(402, problem.GetProperty("status").GetInt32());
        Assert.Equal("daily usd", problem.GetProperty("budget").GetString());
        Assert.Equal(partner, problem.GetProperty("caller").GetString());
        Assert.Equal(0.08m, problem.GetProperty("estimate").GetDecimal());
        Assert.Equal(0.02m, problem.GetProperty("remaining").GetDecimal());
        Assert.Equal(0.10m, problem.GetProperty("limit").GetDecimal());
        Assert.Contains("Nothing was started", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await env.Simulator.GetRequestsAsync()).CountOf(Simulator.SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task StartJob_UnpricedCometUnderAUsdBudget_Returns402WithUnknownEstimate()
    {
        var partner = "partner-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await StartAsync(partner, new() { [$"Budgets:Callers:{partner}:MonthlyUsd"] = "5" });
        using var client = Client(host);

        using var refused = await PostAsync(client, """{"kind":"image","provider":"comet","params":{"prompt":"a kite","model":"gpt-image-1"}}""");

        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("monthly usd", problem.GetProperty("budget").GetString());
        Assert.False(problem.TryGetProperty("estimate", out var estimate) && estimate.ValueKind != JsonValueKind.Null, "the estimate is unknown");
    }

    [Fact]
    public async Task GetBudgets_AfterAJobEnded_ShowsLimitReservedAndSpentOfTheCallingKeyOnly()
    {
        var partner = "partner-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await StartAsync(partner, new() { [$"Budgets:Callers:{partner}:DailyTokens"] = "100000" });
        using var client = Client(host);
        using var started = await PostAsync(client, $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"A budgeted mug {{{Guid.NewGuid():N}}}"}}""");
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var job = await host.WaitForJobAsync(id, client: client);

        Assert.Equal(new JobCost("tokens", 32_160m, 32_160m, "price_table"), job.Cost);
        var mine = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/budgets", UriKind.Relative))).RootElement;
        Assert.Equal(partner, mine.GetProperty("caller").GetString());
        var daily = mine.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("unit").GetString() == "tokens" && b.GetProperty("period").GetString() == "daily");
        Assert.Equal((100_000m, 0m, 32_160m, 67_840m),
            (daily.GetProperty("limit").GetDecimal(), daily.GetProperty("reserved").GetDecimal(), daily.GetProperty("spent").GetDecimal(), daily.GetProperty("remaining").GetDecimal()));
        var defaults = JsonDocument.Parse(await host.Api.GetStringAsync(new Uri("/api/budgets", UriKind.Relative))).RootElement;
        Assert.Equal("default", defaults.GetProperty("caller").GetString());
        Assert.All(defaults.GetProperty("budgets").EnumerateArray(), b => Assert.False(b.TryGetProperty("limit", out var limit) && limit.ValueKind != JsonValueKind.Null));
    }

    [Fact]
    public async Task Startup_NegativeBudget_FailsNamingTheSetting()
    {
        var ex = await env.StartFailureAsync(overrides: new Dictionary<string, string?> { ["Budgets:DailyUsd"] = "-1" });

        Assert.Contains("Budgets__DailyUsd", ex.ToString(), StringComparison.Ordinal);
    }

    private Task<TestHost> StartAsync(string partner, Dictionary<string, string?> overrides)
    {
        overrides[$"Api:Keys:{partner}"] = PartnerKey;
        return env.StartHostAsync(overrides: overrides);
    }

    private static HttpClient Client(TestHost host)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", PartnerKey);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri("/api/jobs", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    private static string Pixazo(int images) =>
        $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"A costed star {{{Guid.NewGuid():N}}}","num_images":{{{images}}}}}""";
}
