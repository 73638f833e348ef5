using MediaGen.Core.Jobs;
using Microsoft.DurableTask.Client;

namespace MediaGen.Host.Tests.Security;

/// <summary>
/// Callers are tenants (issue 28), tried as an attacker with a key of their own would: with mallory's key, alice's jobs,
/// batches and chains are not found by any route (404 exactly as for an id that never existed, never 403), not listed, not
/// canceled, re-run or purged; equal idempotency keys name separate jobs and a repeated start discloses no webhook URL;
/// an operator (<c>Api__AdminCallers</c>) sees and acts on every caller's; queue jobs belong to <c>Api__IntakeCaller</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CrossCallerTests(HostEnvironment env)
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
        ["Budgets:Callers:mallory:DailyUsd"] = "10",
    };

    [Fact]
    public async Task EveryJobRoute_WithAnotherCallersKey_Answers404AsForAnIdThatNeverExistedAndChangesNothing()
    {
        await using var tenants = await TenantsAsync();
        var (host, alice, mallory, _) = tenants;
        var tag = Guid.NewGuid().ToString("N");
        var waiting = await StartAsync(alice, "/api/jobs", WaitingPixazo(tag, $"alice-{tag}"));
        var finished = await StartAsync(alice, "/api/jobs", $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"alice's fox {{{tag}}}"}}""");
        var batch = await StartAsync(alice, "/api/batches", $$$"""{"items":[{"kind":"image","provider":"pixazo","params":{"prompt":"alice's batch [sim:queued=600000] {{{tag}}}"}}]}""");
        var chain = await StartAsync(alice, "/api/chains", """{"initial":{"prompt":"alice's kite"},"prompts":["higher"]}""");
        await host.WaitForJobAsync(finished, client: alice);
        var item = Workflows.Orchestrations.BatchOrchestrator.ItemId(batch, 0);
        await Waits.ForAsync(async () => (await GetAsync(alice, $"/api/jobs/{item}")).Status == HttpStatusCode.OK ? "" : null, "the batch item to start");

        var routes = new List<(string Method, string Path, string Id)>();
        foreach (var id in (string[])[waiting, finished, item, chain])
        {
            routes.Add(("GET", "/api/jobs/{0}", id));
            routes.Add(("GET", "/api/jobs/{0}/details", id));
            routes.Add(("POST", "/api/jobs/{0}/cancel?reason=mine", id));
            routes.Add(("POST", "/api/jobs/{0}/rerun?idempotencyKey=stolen-" + tag, id));
        }

        routes.Add(("GET", "/api/batches/{0}", batch));
        routes.Add(("POST", "/api/jobs/{0}/cancel", batch));
        foreach (var (method, path, id) in routes)
        {
            // The answer for alice's id and for an id of the same form that never existed are the same (but for the id).
            var never = id[..^1] + (id[^1] == '0' ? '1' : '0');
            var real = await SendAsync(mallory, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id));
            var fake = await SendAsync(mallory, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, never));

            Assert.True(real.Status == HttpStatusCode.NotFound, $"{method} {path} of {id} with mallory's key answered {(int)real.Status}: {real.Body}");
            Assert.Equal(Problem(fake.Body).Replace(never, id, StringComparison.Ordinal), Problem(real.Body));
        }

        // Nothing changed: alice's jobs still run, the finished one was bought once and re-run by nobody.
        Assert.Contains(await StatusAsync(alice, waiting), new[] { "Pending", "Running" });
        Assert.Contains(await StatusAsync(alice, item), new[] { "Pending", "Running" });
        Assert.Contains(JsonDocument.Parse((await GetAsync(alice, $"/api/batches/{batch}")).Body).RootElement.GetProperty("status").GetString(), new[] { "Pending", "Running" });
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, $"alice's fox {tag}"));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(alice, $"/api/jobs/{JobIds.Keyed("job", "mallory", "stolen-" + tag)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(alice, $"/api/jobs/{JobIds.Keyed("job", "alice", "stolen-" + tag)}")).Status);
        Assert.Empty(await ListAsync(mallory, ""));
        await CancelAndWaitAsync(host, alice, waiting, batch, chain);
    }

    [Fact]
    public async Task ListsPurgeAndBudgets_TwoCallers_EachSeesCountsAndDeletesItsOwnOnly()
    {
        await using var tenants = await TenantsAsync();
        var (host, alice, mallory, _) = tenants;
        var tag = Guid.NewGuid().ToString("N");
        var alicesKey = $"alice-order-{tag}";
        var waiting = await StartAsync(alice, "/api/jobs", WaitingPixazo(tag, alicesKey));
        var alicesDone = await StartAsync(alice, "/api/jobs", $$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"alice's text {{{tag}}}"}}""");
        var mallorysDone = await StartAsync(mallory, "/api/jobs", $$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"mallory's text {{{tag}}}"}}""");
        await host.WaitForJobAsync(alicesDone, client: alice);
        await host.WaitForJobAsync(mallorysDone, client: mallory);

        var mallorysList = await ListAsync(mallory, "");
        var byAlicesKey = await ListAsync(mallory, "?q=" + alicesKey);
        var byAlicesName = await ListAsync(mallory, "?caller=alice");
        var alicesList = await ListAsync(alice, "");

        Assert.Equal([mallorysDone], mallorysList.Select(j => j.Id));
        Assert.Equal("mallory", mallorysList[0].Caller);
        Assert.Empty(byAlicesKey);
        Assert.Empty(byAlicesName);
        Assert.Equal(new[] { waiting, alicesDone }.Order(), alicesList.Select(j => j.Id).Order());
        Assert.All(alicesList, j => Assert.Equal("alice", j.Caller));
        Assert.Single(await ListAsync(alice, "?q=" + alicesKey), j => j.Id == waiting);

        // Budgets: the waiting Pixazo job holds its estimate in alice's budget only.
        Assert.Equal(("alice", 0.04m), await ReservedUsdAsync(alice));
        Assert.Equal(("mallory", 0m), await ReservedUsdAsync(mallory));

        // Mallory's purge deletes mallory's finished job, not alice's.
        var purge = await SendAsync(mallory, "POST", "/api/jobs/purge?createdBefore=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O")));
        Assert.True(purge.Status == HttpStatusCode.OK, purge.Body);
        Assert.Equal(1, JsonDocument.Parse(purge.Body).RootElement.GetProperty("purged").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(mallory, $"/api/jobs/{mallorysDone}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(alice, $"/api/jobs/{alicesDone}")).Status);
        await CancelAndWaitAsync(host, alice, waiting);
    }

    [Fact]
    public async Task StartJob_SameIdempotencyKeyFromTwoCallers_TwoJobsAndARepeatDisclosesNoWebhookUrl()
    {
        await using var tenants = await TenantsAsync();
        var (host, alice, mallory, _) = tenants;
        var tag = Guid.NewGuid().ToString("N");
        var json = WaitingPixazo(tag, $"predictable-{tag}");

        var first = await SendAsync(alice, "POST", "/api/jobs", json);
        var squatted = await SendAsync(mallory, "POST", "/api/jobs", json);
        var repeated = await SendAsync(alice, "POST", "/api/jobs", json);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.OK), (first.Status, squatted.Status, repeated.Status));
        var (a, m, r) = (JsonDocument.Parse(first.Body).RootElement, JsonDocument.Parse(squatted.Body).RootElement, JsonDocument.Parse(repeated.Body).RootElement);
        var alicesId = a.GetProperty("id").GetString()!;
        var mallorysId = m.GetProperty("id").GetString()!;
        Assert.NotEqual(alicesId, mallorysId);
        Assert.Equal(alicesId, r.GetProperty("id").GetString());
        Assert.False(r.GetProperty("created").GetBoolean());
        Assert.Contains("secret=", a.GetProperty("pixazoWebhookUri").GetString(), StringComparison.Ordinal);
        Assert.False(r.TryGetProperty("pixazoWebhookUri", out _), repeated.Body);
        Assert.DoesNotContain(alicesId, squatted.Body, StringComparison.Ordinal);
        Assert.Equal("alice", JsonDocument.Parse((await GetAsync(alice, $"/api/jobs/{alicesId}")).Body).RootElement.GetProperty("caller").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(alice, $"/api/jobs/{mallorysId}")).Status);
        // Two jobs, two purchases (each submits once it runs).
        await Waits.ForAsync(
            async () => (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, $"a waiting lighthouse [sim:queued=600000] {tag}") == 2 ? "" : null,
            "both jobs to submit");
        await CancelAndWaitAsync(host, alice, alicesId);
        await CancelAndWaitAsync(host, mallory, mallorysId);
    }

    [Fact]
    public async Task Operator_OtherCallersJobs_SeesListsCancelsRerunsAndPurgesThem()
    {
        await using var tenants = await TenantsAsync();
        var (host, alice, mallory, ops) = tenants;
        var tag = Guid.NewGuid().ToString("N");
        var waiting = await StartAsync(alice, "/api/jobs", WaitingPixazo(tag, $"alice-{tag}"));
        var done = await StartAsync(alice, "/api/jobs", $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"alice's owl {{{tag}}}"}}""");
        var mallorys = await StartAsync(mallory, "/api/jobs", $$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"mallory's {{{tag}}}"}}""");
        await host.WaitForJobAsync(done, client: alice);
        await host.WaitForJobAsync(mallorys, client: mallory);

        var read = JsonDocument.Parse((await GetAsync(ops, $"/api/jobs/{waiting}")).Body).RootElement;
        var details = await GetAsync(ops, $"/api/jobs/{done}/details");
        var all = await ListAsync(ops, "");
        var alicesOnly = await ListAsync(ops, "?caller=alice");

        Assert.Equal("alice", read.GetProperty("caller").GetString());
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Superset(new HashSet<string> { waiting, done, mallorys }, all.Select(j => j.Id).ToHashSet());
        Assert.Equal(new[] { waiting, done }.Order(), alicesOnly.Select(j => j.Id).Order());

        // A re-run is alice's job (charged to alice), whoever asked for it.
        var rerun = await SendAsync(ops, "POST", $"/api/jobs/{done}/rerun?idempotencyKey=again-{tag}");
        Assert.True(rerun.Status == HttpStatusCode.Accepted, rerun.Body);
        var rerunId = JsonDocument.Parse(rerun.Body).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(JobIds.Keyed("job", "alice", $"again-{tag}"), rerunId);
        Assert.Equal("alice", (await host.WaitForJobAsync(rerunId, client: alice)).Caller);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(alice, $"/api/jobs/{rerunId}")).Status);

        var cancel = await SendAsync(ops, "POST", $"/api/jobs/{waiting}/cancel?reason=operator");
        Assert.Equal(HttpStatusCode.Accepted, cancel.Status);
        Assert.Equal(JobStatus.Canceled, (await host.WaitForJobAsync(waiting, client: ops)).Status);

        var purge = await SendAsync(ops, "POST", "/api/jobs/purge?createdBefore=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O")));
        Assert.True(purge.Status == HttpStatusCode.OK, purge.Body);
        foreach (var id in (string[])[waiting, done, mallorys, rerunId])
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(ops, $"/api/jobs/{id}")).Status);
        }
    }

    [Fact]
    public async Task QueueJob_IntakeCallerWithoutAKey_BelongsToItAndOnlyTheOperatorSeesIt()
    {
        await using var tenants = await TenantsAsync(new() { ["Api:IntakeCaller"] = "intake-bot" });
        var (host, _, _, ops) = tenants;
        var queue = host.Queues.GetQueueClient(host.Names.Requests);
        await queue.CreateIfNotExistsAsync();

        var sent = (await queue.SendMessageAsync($$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"queued {{{Guid.NewGuid():N}}}"}}""")).Value;
        var id = JobIds.OfQueueMessage("intake-bot", sent.MessageId);
        var job = await Waits.ForAsync(async () =>
        {
            var answer = await GetAsync(ops, $"/api/jobs/{id}");
            return answer.Status == HttpStatusCode.OK && JsonDocument.Parse(answer.Body).RootElement.GetProperty("status").GetString() == "Completed" ? answer.Body : null;
        }, "the queued job to complete");

        Assert.Equal("intake-bot", JsonDocument.Parse(job).RootElement.GetProperty("caller").GetString());
        Assert.Null(await host.GetJobAsync(id));
        Assert.DoesNotContain(id, (await ListAsync(host.Api, "")).Select(j => j.Id));
        Assert.Contains(id, (await ListAsync(ops, "?caller=intake-bot")).Select(j => j.Id));
    }

    [Theory]
    [InlineData("Api:AdminCallers", "ops,nobody", "Api__AdminCallers names 'nobody'")]
    [InlineData("Api:IntakeCaller", "not a name", "Api__IntakeCaller")]
    public async Task Startup_InvalidRoleSetting_FailsNamingIt(string setting, string value, string message)
    {
        var ex = await env.StartFailureAsync(overrides: new Dictionary<string, string?>(Callers) { [setting] = value });

        Assert.Contains(message, ex.ToString(), StringComparison.Ordinal);
    }

    private static string WaitingPixazo(string tag, string key) =>
        $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a waiting lighthouse [sim:queued=600000] {{{tag}}}"},"idempotencyKey":"{{{key}}}"}""";

    private async Task<Tenants> TenantsAsync(Dictionary<string, string?>? more = null)
    {
        // Budgets live in the state container: a container of each test's own, so a reservation a canceled job of an
        // earlier test still holds (released after the cancel) does not count in the next test's figures.
        var settings = new Dictionary<string, string?>(Callers) { ["Workflows:StateContainer"] = "state-" + Guid.NewGuid().ToString("N")[..12] };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new Tenants(await env.StartHostAsync(overrides: settings));
    }

    private static async Task<string> StartAsync(HttpClient client, string path, string json)
    {
        var answer = await SendAsync(client, "POST", path, json);
        Assert.True(answer.Status == HttpStatusCode.Accepted, $"{path} answered {(int)answer.Status}: {answer.Body}");
        return JsonDocument.Parse(answer.Body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path) => SendAsync(client, "GET", path);

    private static async Task<string?> StatusAsync(HttpClient client, string id) =>
        JsonDocument.Parse((await GetAsync(client, $"/api/jobs/{id}")).Body).RootElement.GetProperty("status").GetString();

    /// <summary>Every job of every page of <c>GET /api/jobs{query}</c>.</summary>
    private static async Task<List<JobState>> ListAsync(HttpClient client, string query)
    {
        var jobs = new List<JobState>();
        string? token = null;
        do
        {
            var path = "/api/jobs" + query + (token is null ? "" : (query.Length == 0 ? "?" : "&") + "continuationToken=" + Uri.EscapeDataString(token));
            var answer = await GetAsync(client, path);
            Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
            var page = JsonSerializer.Deserialize<JobPage>(answer.Body, JobJson.Options)!;
            jobs.AddRange(page.Jobs);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return jobs;
    }

    private static async Task<(string? Caller, decimal Reserved)> ReservedUsdAsync(HttpClient client)
    {
        var report = JsonDocument.Parse((await GetAsync(client, "/api/budgets")).Body).RootElement;
        var daily = report.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("unit").GetString() == "usd" && b.GetProperty("period").GetString() == "daily");
        return (report.GetProperty("caller").GetString(), daily.GetProperty("reserved").GetDecimal());
    }

    /// <summary>A 404 ProblemDetails without its per-request trace id.</summary>
    private static string Problem(string body)
    {
        var problem = JsonDocument.Parse(body).RootElement;
        return string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>A host with alice, mallory and the operator, each with a client sending its key.</summary>
    private sealed class Tenants(TestHost host) : IAsyncDisposable
    {
        private readonly HttpClient _alice = host.ClientWithKey(AliceKey);
        private readonly HttpClient _mallory = host.ClientWithKey(MalloryKey);
        private readonly HttpClient _ops = host.ClientWithKey(OpsKey);

        public void Deconstruct(out TestHost testHost, out HttpClient alice, out HttpClient mallory, out HttpClient ops) =>
            (testHost, alice, mallory, ops) = (host, _alice, _mallory, _ops);

        public async ValueTask DisposeAsync()
        {
            _alice.Dispose();
            _mallory.Dispose();
            _ops.Dispose();
            await host.DisposeAsync();
        }
    }

    /// <summary>Cancels <paramref name="ids"/> as their owner and waits until each has ended (so no job outlives its host).</summary>
    private static async Task CancelAndWaitAsync(TestHost host, HttpClient owner, params string[] ids)
    {
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        foreach (var id in ids)
        {
            var answer = await SendAsync(owner, "POST", $"/api/jobs/{id}/cancel");
            Assert.True(answer.Status is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"cancel {id}: {(int)answer.Status} {answer.Body}");
            await client.WaitForInstanceCompletionAsync(id, guard.Token);
        }
    }
}
