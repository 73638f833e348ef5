namespace MediaGen.Host.Tests.Dashboard;

/// <summary>GET /api/overview: the dashboard's figures, computed on the server, as each caller may see them.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OverviewApiTests(HostEnvironment env)
{
    private const string AliceKey = "alice-key-0123456789abcdef";
    private const string MalloryKey = "mallory-key-0123456789abcdef";
    private const string OpsKey = "operator-key-0123456789abcdef";

    private static readonly Dictionary<string, string?> Callers = new()
    {
        ["Api:Keys:alice"] = AliceKey,
        ["Api:Keys:mallory"] = MalloryKey,
        ["Api:Keys:ops"] = OpsKey,
        ["Api:AdminCallers"] = "ops",
        ["Budgets:Callers:alice:DailyUsd"] = "10",
    };

    [Fact]
    public async Task GetOverview_JobsOfTwoCallers_CountsEachCallersOwnByStatusDurationFailureSpendAndPhase()
    {
        await using var host = await env.StartHostAsync(overrides: Callers);
        using var alice = host.ClientWithKey(AliceKey);
        using var mallory = host.ClientWithKey(MalloryKey);
        using var ops = host.ClientWithKey(OpsKey);
        var done = await StartAsync(alice, """{"kind":"image","provider":"pixazo","params":{"prompt":"a harbour"}}""");
        var refused = await StartAsync(alice, """{"kind":"image","provider":"pixazo","params":{"prompt":"a harbour [sim:failed]"}}""");
        var waiting = await StartAsync(alice, """{"kind":"image","provider":"pixazo","params":{"prompt":"a harbour [sim:queued=600000]"}}""");
        var other = await StartAsync(mallory, """{"kind":"text","provider":"cosmic","params":{"prompt":"a poem"}}""");
        Assert.Equal("Completed", (await host.WaitForJobAsync(done, client: alice)).Status.ToString());
        var failed = await host.WaitForJobAsync(refused, client: alice);
        Assert.Equal("Failed", failed.Status.ToString());
        await host.WaitForJobAsync(waiting, j => j.Progress?.GetProperty("phase").GetString() == "waiting", alice);
        await host.WaitForJobAsync(other, client: mallory);

        var mine = await OverviewAsync(alice, "window=hour");
        var theirs = await OverviewAsync(mallory, "window=day");
        var everyone = await OverviewAsync(ops, $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-30).ToString("O"))}");

        Assert.Equal((0, 1, 1, 1, 0), Totals(mine));
        // The last hour, from a 5-minute boundary: 12 intervals, 13 when now is not on a boundary.
        Assert.InRange(mine.GetProperty("intervals").GetArrayLength(), 12, 13);
        Assert.Equal(300, mine.GetProperty("intervalSeconds").GetInt32());
        var duration = Assert.Single(mine.GetProperty("durations").EnumerateArray());
        Assert.Equal(("pixazo", "image", 1), (duration.GetProperty("provider").GetString(), duration.GetProperty("kind").GetString(), duration.GetProperty("jobs").GetInt32()));
        Assert.True(duration.GetProperty("p95Seconds").GetDouble() >= duration.GetProperty("p50Seconds").GetDouble());
        var failure = Assert.Single(mine.GetProperty("failures").EnumerateArray());
        Assert.Equal((failed.Error!.Type, "pixazo", 1), (failure.GetProperty("errorType").GetString(), failure.GetProperty("provider").GetString(), failure.GetProperty("jobs").GetInt32()));
        var spend = Assert.Single(mine.GetProperty("spend").EnumerateArray());
        Assert.Equal(("alice", "usd"), (spend.GetProperty("caller").GetString(), spend.GetProperty("unit").GetString()));
        Assert.True(spend.GetProperty("amount").GetDecimal() > 0);
        var budget = Assert.Single(mine.GetProperty("budgets").EnumerateArray());
        Assert.Equal(10m, budget.GetProperty("dailyLimit").GetDecimal());
        var phase = Assert.Single(mine.GetProperty("inFlight").EnumerateArray());
        Assert.Equal(("waiting", 1), (phase.GetProperty("phase").GetString(), phase.GetProperty("jobs").GetInt32()));
        Assert.True(mine.GetProperty("read").GetProperty("complete").GetBoolean());
        Assert.True(mine.GetProperty("read").GetProperty("instances").GetInt32() >= 3);

        Assert.Equal((0, 0, 1, 0, 0), Totals(theirs));
        Assert.Empty(theirs.GetProperty("inFlight").EnumerateArray());
        Assert.Empty(theirs.GetProperty("failures").EnumerateArray());
        Assert.Equal((0, 1, 2, 1, 0), Totals(everyone));
        Assert.Equal(60, everyone.GetProperty("intervalSeconds").GetInt32());
        await alice.PostAsync(new Uri($"/api/jobs/{waiting}/cancel", UriKind.Relative), null);
    }

    [Fact]
    public async Task GetOverview_BadQuery_Answers400NamingTheParameter()
    {
        (string Query, string Field)[] cases =
        [
            ("window=month", "window"),
            ("window=hour&from=2030-01-01T00:00:00Z", "window"),
            ("from=2030-01-01T00:00:00", "from"),
            ("from=2999-01-01T00:00:00Z", "from"),
            ("from=2026-01-01T00:00:00Z&to=2025-12-01T00:00:00Z", "to"),
            ("from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z", "from"),
            ("to=2030-01-01T00:00:00Z", "from"),
            ("window=hour&window=day", "window"),
            ("status=Failed", "status"),
        ];
        await using var host = await env.StartHostAsync();

        foreach (var (query, field) in cases)
        {
            using var response = await host.Api.GetAsync(new Uri("/api/overview?" + query, UriKind.Relative));
            await ProblemAssert.InvalidAsync(response, field);
        }
    }

    private static (int Pending, int Running, int Completed, int Failed, int Canceled) Totals(JsonElement overview)
    {
        var intervals = overview.GetProperty("intervals").EnumerateArray().ToList();
        int Sum(string name) => intervals.Sum(i => i.GetProperty(name).GetInt32());
        return (Sum("pending"), Sum("running"), Sum("completed"), Sum("failed"), Sum("canceled"));
    }

    private static async Task<JsonElement> OverviewAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/overview?" + query, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/api/overview?{query} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> StartAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync(new Uri("/api/jobs", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/jobs answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
