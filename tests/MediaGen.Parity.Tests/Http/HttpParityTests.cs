using MediaGen.Workflows.Pixazo;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Parity.Tests.Http;

/// <summary>
/// Each HTTP function of the Functions app under the stand-in host, called over HTTP through the host's front door (the
/// request proxied to the worker, its <c>[DurableClient]</c> the Durable extension's), answers exactly as the standalone
/// host answers the same request over HTTP: status, headers (with <c>Location</c>) and body, once what two deployments
/// must differ in (base address, containers, times, trace ids) is normalised. Every
/// route's happy path and error classes; each case also pins the status, so both sides failing alike cannot pass.
/// Jobs carry idempotency keys, so both sides name them alike.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class HttpParityTests(ParityFixture fixture)
{
    private const string TooLarge = "too-large";
    private const string WrongContentType = "wrong-content-type";
    private const string NoKey = "no-key";
    private const string WrongKey = "wrong-key";

    [Theory]
    [InlineData("created", 202)]
    [InlineData("no-content-type", 202)]
    [InlineData("existing", 200)]
    [InlineData("pixazo-webhook-url", 202)]
    [InlineData("unknown-field", 400)]
    [InlineData("bad-json", 400)]
    [InlineData(TooLarge, 413)]
    [InlineData(WrongContentType, 415)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task StartJob_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var job = CosmicImage(@case);
        if (@case == "existing")
        {
            // Ended on both, so the repeat reports the same status (not wherever each engine happens to be).
            await StartedOnBothAsync("/api/jobs", job, waitForEnd: true);
        }

        var request = @case switch
        {
            "pixazo-webhook-url" => ParityRequest.Post("/api/jobs", PixazoImage(@case)),
            "no-content-type" => ParityRequest.Post("/api/jobs", job) with { ContentType = null },
            "unknown-field" => ParityRequest.Post("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"colour":"red"}"""),
            "bad-json" => ParityRequest.Post("/api/jobs", """{"kind": "image", """),
            _ => Common("/api/jobs", job, @case),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (status == 202)
        {
            Assert.Equal(standalone.Json.GetProperty("statusQueryGetUri").GetString(), standalone.Header("Location"));
        }
        else if (@case == "unknown-field")
        {
            AssertNamesField(standalone, "colour");
        }
    }

    [Theory]
    [InlineData("created-since", 200)]
    [InlineData("key-in-query", 200)]
    [InlineData("invalid-query", 400)]
    [InlineData("unknown-parameter", 400)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task ListJobs_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        // Jobs of earlier tests were created before this instant (they have finished); only this case's job is after it.
        var since = DateTimeOffset.UtcNow;
        var request = @case switch
        {
            "created-since" => ParityRequest.Get("/api/jobs?createdFrom=" + Time(since)),
            "key-in-query" => ParityRequest.Get($"/api/jobs?code={ParityFixture.ApiKey}&createdFrom=2999-01-01T00:00:00Z").WithoutKey(),
            "invalid-query" => ParityRequest.Get("/api/jobs?pageSize=0&status=Sleeping"),
            "unknown-parameter" => ParityRequest.Get("/api/jobs?colour=red"),
            _ => Common("/api/jobs", null, @case),
        };
        if (@case == "created-since")
        {
            await StartedOnBothAsync("/api/jobs", CosmicImage(@case), waitForEnd: true);
        }

        var (standalone, _) = await AssertParityAsync(request, status);

        if (@case == "created-since")
        {
            Assert.Single(standalone.Json.GetProperty("jobs").EnumerateArray());
        }
        else if (@case == "invalid-query")
        {
            AssertNamesField(standalone, "pageSize");
            AssertNamesField(standalone, "status");
        }
    }

    [Theory]
    [InlineData("completed", 200)]
    [InlineData("unknown", 404)]
    [InlineData("implausible-id", 404)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task GetJob_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var request = @case switch
        {
            "completed" => ParityRequest.Get("/api/jobs/" + Id(await StartedOnBothAsync("/api/jobs", CosmicImage(@case), waitForEnd: true))),
            "unknown" => ParityRequest.Get("/api/jobs/job-unknown"),
            "implausible-id" => ParityRequest.Get("/api/jobs/not%20an%20id"),
            _ => Common("/api/jobs/job-unknown", null, @case),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (@case == "completed")
        {
            Assert.Equal("Completed", standalone.Json.GetProperty("status").GetString());
        }
    }

    [Theory]
    [InlineData("running", 202)]
    [InlineData("already-finished", 409)]
    [InlineData("unknown", 404)]
    [InlineData("reason-too-long", 400)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task CancelJob_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        string? id = null;
        var request = @case switch
        {
            "running" => ParityRequest.Post($"/api/jobs/{id = Id(await StartedOnBothAsync("/api/jobs", WaitingPixazoImage(@case)))}/cancel?reason=parity"),
            "already-finished" => ParityRequest.Post($"/api/jobs/{Id(await StartedOnBothAsync("/api/jobs", CosmicImage(@case), waitForEnd: true))}/cancel"),
            "unknown" => ParityRequest.Post("/api/jobs/job-unknown/cancel"),
            "reason-too-long" => ParityRequest.Post("/api/jobs/job-unknown/cancel?reason=" + new string('r', 501)),
            _ => Common("/api/jobs/job-unknown/cancel", null, @case),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (id is not null)
        {
            await fixture.WaitForBothAsync(id);
        }
        else if (@case == "reason-too-long")
        {
            AssertNamesField(standalone, "reason");
        }
    }

    [Theory]
    [InlineData("created", 202)]
    [InlineData("invalid-item", 400)]
    [InlineData(TooLarge, 413)]
    [InlineData(WrongContentType, 415)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task StartBatch_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var request = @case switch
        {
            "invalid-item" => ParityRequest.Post("/api/batches", """{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":""}}]}"""),
            _ => Common("/api/batches", Batch(@case), @case),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (@case == "invalid-item")
        {
            AssertNamesField(standalone, "items[0].params.prompt");
        }
    }

    [Theory]
    [InlineData("completed", 200)]
    [InlineData("unknown", 404)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task GetBatch_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var request = @case switch
        {
            "completed" => ParityRequest.Get("/api/batches/" + Id(await StartedOnBothAsync("/api/batches", Batch(@case), waitForEnd: true))),
            "unknown" => ParityRequest.Get("/api/batches/batch-unknown"),
            _ => Common("/api/batches/batch-unknown", null, @case),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (@case == "completed")
        {
            Assert.Equal(2, standalone.Json.GetProperty("items").GetArrayLength());
        }
    }

    [Theory]
    [InlineData("created", 202)]
    [InlineData("invalid-field", 400)]
    [InlineData(WrongContentType, 415)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task StartChain_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var chain = $$"""{"initial":{"prompt":"a kite"},"prompts":["higher"],"idempotencyKey":"{{Key(@case)}}"}""";
        var request = @case switch
        {
            "invalid-field" => ParityRequest.Post("/api/chains", """{"mediaId":"m1","prompts":[],"speed":2}"""),
            _ => Common("/api/chains", chain, @case),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (@case == "invalid-field")
        {
            AssertNamesField(standalone, "speed");
        }
    }

    [Theory]
    [InlineData("streamed", 200)]
    [InlineData("provider-rate-limited", 429)]
    [InlineData("invalid-field", 400)]
    [InlineData(WrongContentType, 415)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task StreamText_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var request = @case switch
        {
            "provider-rate-limited" => ParityRequest.Post("/api/text/stream", """{"prompt":"busy [sim:429=7]"}"""),
            "invalid-field" => ParityRequest.Post("/api/text/stream", """{"prompt":"x","temperature":1}"""),
            _ => Common("/api/text/stream", """{"prompt":"Tell me about kites"}""", @case),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (@case == "streamed")
        {
            Assert.StartsWith("text/event-stream", standalone.Header("Content-Type"), StringComparison.Ordinal);
            Assert.Contains("event: end", standalone.Body, StringComparison.Ordinal);
        }
        else if (@case == "provider-rate-limited")
        {
            Assert.Equal("7", standalone.Header("Retry-After"));
        }
        else if (@case == "invalid-field")
        {
            AssertNamesField(standalone, "temperature");
        }
    }

    [Theory]
    [InlineData("no-key")]
    [InlineData("wrong-key")]
    public async Task Health_AnyKey_AnswersAsTheStandaloneHost(string @case)
    {
        var request = @case == NoKey ? ParityRequest.Get("/api/health").WithoutKey() : ParityRequest.Get("/api/health").WithWrongKey();

        var (standalone, _) = await AssertParityAsync(request, 200);

        Assert.Equal("reachable", standalone.Json.GetProperty("storage").GetString());
        Assert.Equal("ready", standalone.Json.GetProperty("taskHub").GetString());
    }

    [Theory]
    [InlineData("/api/health/ready", "storage")]
    [InlineData("/api/health/live", "status")]
    public async Task HealthProbes_NoKey_AnswerAsTheStandaloneHost(string path, string property)
    {
        var (standalone, _) = await AssertParityAsync(ParityRequest.Get(path).WithoutKey(), 200);

        Assert.True(standalone.Json.TryGetProperty(property, out _), $"{path} answered {standalone.Json}");
    }

    [Theory]
    [InlineData("accepted", 200)]
    [InlineData("wrong-secret", 401)]
    [InlineData("unknown-job", 404)]
    [InlineData("invalid-body", 400)]
    public async Task ReceivePixazoWebhook_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var webhooks = fixture.Standalone.Services.GetRequiredService<PixazoWebhooks>();
        string? id = null;
        string url;
        if (@case == "unknown-job")
        {
            url = webhooks.UrlFor("job-unknown")!;
        }
        else
        {
            var started = await StartedOnBothAsync("/api/jobs", WaitingPixazoImage(@case));
            id = Id(started);
            url = started.Json.GetProperty("pixazoWebhookUri").GetString()!;
        }

        var path = new Uri(url).PathAndQuery;
        var body = """{"request_id":"req-parity","status":"QUEUED"}""";
        var request = @case switch
        {
            "wrong-secret" => new ParityRequest("POST", path[..^4] + "AAAA", body, "application/json", Key: null),
            "invalid-body" => new ParityRequest("POST", path, """{"status":"SLEEPING"}""", "application/json", Key: null),
            _ => new ParityRequest("POST", path, body, "application/json", Key: null),
        };

        await AssertParityAsync(request, status);

        if (id is not null)
        {
            await fixture.SendBothAsync(ParityRequest.Post($"/api/jobs/{id}/cancel"));
            await fixture.WaitForBothAsync(id);
        }
    }

    [Theory]
    [InlineData("completed", 200)]
    [InlineData("unknown", 404)]
    [InlineData("implausible-id", 404)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task GetJobDetails_SameRequest_AnswersAsTheStandaloneHostButForHistory(string @case, int status)
    {
        var request = @case switch
        {
            "completed" => ParityRequest.Get($"/api/jobs/{Id(await StartedOnBothAsync("/api/jobs", CosmicImage(@case), waitForEnd: true))}/details"),
            "unknown" => ParityRequest.Get("/api/jobs/job-unknown/details"),
            "implausible-id" => ParityRequest.Get("/api/jobs/not%20an%20id/details"),
            _ => Common("/api/jobs/job-unknown/details", null, @case),
        };

        if (@case != "completed")
        {
            await AssertParityAsync(request, status);
            return;
        }

        // Both read the orchestration's history through their DurableTaskClient (the Functions app's isolated client streams
        // it from the Durable extension's gRPC server) and build the same timeline from it; the instances are two runs, so
        // times differ and events and phases are compared.
        var (standalone, functions) = await fixture.SendBothAsync(request);
        Assert.Equal(200, standalone.Status);
        Assert.Equal(200, functions.Status);
        var a = fixture.Normalize(standalone, standalone: true).Json;
        var b = fixture.Normalize(functions, standalone: false).Json;
        foreach (var part in (string[])["job", "type", "request", "idempotencyKey"])
        {
            Assert.Equal(a.GetProperty(part).GetRawText(), b.GetProperty(part).GetRawText());
        }

        static IEnumerable<string> Events(JsonElement side) =>
            side.GetProperty("history").EnumerateArray().Select(e => $"{e.GetProperty("type").GetString()} {(e.TryGetProperty("name", out var n) ? n.GetString() : "")}");
        static IEnumerable<string?> Phases(JsonElement side) => side.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("phase").GetString());
        Assert.Contains("TaskScheduled GenerateActivity", Events(b));
        Assert.Equal(Events(a), Events(b));
        Assert.Equal(Phases(a), Phases(b));
        Assert.Contains("provider-call", Phases(b));
        Assert.False(b.TryGetProperty("historyNote", out _));
        foreach (var side in (JsonElement[])[a, b])
        {
            var preview = side.GetProperty("previews").EnumerateArray().Single();
            Assert.Contains("sig=", preview.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal(side.GetProperty("job").GetProperty("result").GetProperty("items")[0].GetProperty("sha256").GetString(), preview.GetProperty("sha256").GetString());
        }
    }

    [Theory]
    [InlineData("created", 202)]
    [InlineData("existing", 200)]
    [InlineData("unknown", 404)]
    [InlineData("bad-key", 400)]
    [InlineData("unknown-parameter", 400)]
    [InlineData(NoKey, 401)]
    [InlineData(WrongKey, 401)]
    public async Task RerunJob_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var key = Key(@case + "-rerun");
        var request = @case switch
        {
            "created" or "existing" => ParityRequest.Post($"/api/jobs/{Id(await StartedOnBothAsync("/api/jobs", CosmicImage(@case), waitForEnd: true))}/rerun?idempotencyKey={key}"),
            "unknown" => ParityRequest.Post("/api/jobs/job-unknown/rerun"),
            "bad-key" => ParityRequest.Post("/api/jobs/job-unknown/rerun?idempotencyKey=not%20valid"),
            "unknown-parameter" => ParityRequest.Post("/api/jobs/job-unknown/rerun?force=1"),
            NoKey => ParityRequest.Post("/api/jobs/job-unknown/rerun").WithoutKey(),
            _ => ParityRequest.Post("/api/jobs/job-unknown/rerun").WithWrongKey(),
        };
        if (@case == "existing")
        {
            var (standaloneFirst, functionsFirst) = await fixture.SendBothAsync(request);
            Assert.Equal(202, standaloneFirst.Status);
            Assert.Equal(202, functionsFirst.Status);
            await fixture.WaitForBothAsync(Id(standaloneFirst));
        }

        var (standalone, _) = await AssertParityAsync(request, status);

        if (status is 202 or 200)
        {
            await fixture.WaitForBothAsync(Id(standalone));
        }
        else if (@case == "bad-key")
        {
            AssertNamesField(standalone, "idempotencyKey");
        }
    }

    [Theory]
    [InlineData("nothing-that-old", 200)]
    [InlineData("missing-date", 400)]
    [InlineData("future", 400)]
    [InlineData("no-zone", 400)]
    [InlineData(NoKey, 401)]
    public async Task PurgeJobs_SameRequest_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var request = @case switch
        {
            "nothing-that-old" => ParityRequest.Post("/api/jobs/purge?createdBefore=2001-01-01T00:00:00Z"),
            "missing-date" => ParityRequest.Post("/api/jobs/purge"),
            "future" => ParityRequest.Post("/api/jobs/purge?createdBefore=2999-01-01T00:00:00Z"),
            "no-zone" => ParityRequest.Post("/api/jobs/purge?createdBefore=2001-01-01T00:00:00"),
            _ => ParityRequest.Post("/api/jobs/purge?createdBefore=2001-01-01T00:00:00Z").WithoutKey(),
        };

        var (standalone, _) = await AssertParityAsync(request, status);

        if (status == 400)
        {
            AssertNamesField(standalone, "createdBefore");
        }
    }

    [Theory]
    [InlineData("window=month", 400, "window")]
    [InlineData("from=2001-01-01T00:00:00", 400, "from")]
    [InlineData("from=2001-01-02T00:00:00Z&to=2001-01-01T00:00:00Z", 400, "to")]
    [InlineData("status=Failed", 400, "status")]
    [InlineData("window=day", 401, null)]
    public async Task GetOverview_SameQuery_AnswersAsTheStandaloneHost(string query, int status, string? field)
    {
        var request = ParityRequest.Get("/api/overview?" + query);

        var (standalone, _) = await AssertParityAsync(status == 401 ? request.WithoutKey() : request, status);

        if (field is not null)
        {
            AssertNamesField(standalone, field);
        }
    }

    [Fact]
    public async Task GetOverview_PastWindow_AnswersTheSameIntervalsAsTheStandaloneHost()
    {
        // Both hosts' jobs in flight differ (separate task hubs); the window's figures, computed the same way, do not.
        var request = ParityRequest.Get("/api/overview?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z");

        var standalone = await fixture.Standalone.SendAsync(request);
        var functions = await fixture.Functions.SendAsync(request);

        Assert.True(standalone.Status == 200, standalone.ToString());
        Assert.True(functions.Status == 200, functions.ToString());
        Assert.Equal(3600, functions.Json.GetProperty("intervalSeconds").GetInt32());
        Assert.Equal(24, functions.Json.GetProperty("intervals").GetArrayLength());
        Assert.Equal(standalone.Json.GetProperty("intervals").GetRawText(), functions.Json.GetProperty("intervals").GetRawText());
        Assert.Equal(standalone.Json.GetProperty("from").GetRawText(), functions.Json.GetProperty("from").GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("app.js")]
    [InlineData("dashboard.css")]
    [InlineData("missing.js")]
    public async Task Dashboard_SameFile_ServedAsTheStandaloneHostServesIt(string file)
    {
        // The standalone host serves the dashboard at /dashboard/, the Functions app under its route prefix.
        var standalone = await fixture.Standalone.SendAsync(ParityRequest.Get("/dashboard/" + file).WithoutKey());
        var functions = await fixture.Functions.SendAsync(ParityRequest.Get("/api/dashboard/" + file).WithoutKey());

        Assert.True(standalone.Status == (file == "missing.js" ? 404 : 200), standalone.ToString());
        Assert.True(functions.Status == standalone.Status, functions.ToString());
        Assert.Equal(standalone.Header("Content-Security-Policy"), functions.Header("Content-Security-Policy"));
        if (standalone.Status == 200)
        {
            Assert.Equal(standalone.Header("Content-Type"), functions.Header("Content-Type"));
            Assert.Equal(standalone.Header("ETag"), functions.Header("ETag"));
            Assert.Equal(standalone.Body, functions.Body);
        }
    }

    [Fact]
    public async Task Budgets_JobAndRerunWithSecondCallersKey_CountAgainstThatCallerOnlyAsOnTheStandaloneHost()
    {
        // A job and its re-run sent with parity-b's key reserve and spend from parity-b's budget on both sides; the same
        // report for parity-a (same limit, no jobs) and for the default caller (Api__Key) shows none of it.
        var (started, _) = await AssertParityAsync(ParityRequest.Post("/api/jobs", CosmicImage("caller-b")).WithKey(ParityFixture.PartnerBKey), 202);
        await fixture.WaitForBothAsync(Id(started));
        var (rerun, _) = await AssertParityAsync(
            ParityRequest.Post($"/api/jobs/{Id(started)}/rerun?idempotencyKey={Key("caller-b-rerun")}").WithKey(ParityFixture.PartnerBKey), 202);
        await fixture.WaitForBothAsync(Id(rerun));
        var (job, _) = await AssertParityAsync(ParityRequest.Get($"/api/jobs/{Id(started)}").WithKey(ParityFixture.PartnerBKey), 200);
        var cost = job.Json.GetProperty("cost");
        Assert.Equal("tokens", cost.GetProperty("unit").GetString());
        var spentPerJob = cost.GetProperty("actual").GetDecimal();
        Assert.True(spentPerJob > 0, job.ToString());

        var (callerB, _) = await AssertParityAsync(ParityRequest.Get("/api/budgets").WithKey(ParityFixture.PartnerBKey), 200);
        var (callerA, _) = await AssertParityAsync(ParityRequest.Get("/api/budgets").WithKey(ParityFixture.PartnerAKey), 200);
        var (defaults, _) = await AssertParityAsync(ParityRequest.Get("/api/budgets"), 200);

        Assert.Equal((ParityFixture.PartnerB, ParityFixture.PartnerDailyTokens, 0m, 2 * spentPerJob), DailyTokens(callerB));
        Assert.Equal((ParityFixture.PartnerA, ParityFixture.PartnerDailyTokens, 0m, 0m), DailyTokens(callerA));
        Assert.Equal("default", defaults.Json.GetProperty("caller").GetString());
        Assert.All(defaults.Json.GetProperty("budgets").EnumerateArray(), b =>
            Assert.True((b.TryGetProperty("limit", out var limit) ? limit.ValueKind : JsonValueKind.Null) == JsonValueKind.Null, defaults.ToString()));

        static (string? Caller, decimal Limit, decimal Reserved, decimal Spent) DailyTokens(HttpAnswer report)
        {
            var daily = report.Json.GetProperty("budgets").EnumerateArray()
                .Single(b => b.GetProperty("unit").GetString() == "tokens" && b.GetProperty("period").GetString() == "daily");
            return (report.Json.GetProperty("caller").GetString(), daily.GetProperty("limit").GetDecimal(),
                daily.GetProperty("reserved").GetDecimal(), daily.GetProperty("spent").GetDecimal());
        }
    }

    [Theory]
    [InlineData(ParityFixture.PartnerAKey, 200)]
    [InlineData(ParityFixture.PartnerAKey + "-wrong", 401)]
    public async Task GetBudgets_SecondCallersKeyOrAnUnknownKey_AnswersAsTheStandaloneHost(string key, int status)
    {
        var (standalone, _) = await AssertParityAsync(ParityRequest.Get("/api/budgets").WithKey(key), status);

        if (status == 200)
        {
            Assert.Equal(ParityFixture.PartnerA, standalone.Json.GetProperty("caller").GetString());
        }
    }

    private Task<(HttpAnswer Standalone, HttpAnswer Functions)> AssertParityAsync(ParityRequest request, int status) =>
        fixture.AssertParityAsync(request, status);

    /// <summary>Starts <paramref name="json"/> on both sides (202 each) and returns the standalone host's answer; optionally waits until it has ended on both.</summary>
    private Task<HttpAnswer> StartedOnBothAsync(string route, string json, bool waitForEnd = false) =>
        fixture.StartedOnBothAsync(ParityRequest.Post(route, json), waitForEnd);

    private static ParityRequest Common(string route, string? json, string @case)
    {
        var request = json is null ? ParityRequest.Get(route) : ParityRequest.Post(route, json);
        if (route.EndsWith("/cancel", StringComparison.Ordinal))
        {
            request = ParityRequest.Post(route);
        }

        return @case switch
        {
            NoKey => request.WithoutKey(),
            WrongKey => request.WithWrongKey(),
            WrongContentType => request with { Body = "kind=image", ContentType = "application/x-www-form-urlencoded" },
            TooLarge => request with { Body = new string(' ', ParityFixture.MaxBodyBytes) + json },
            _ => request,
        };
    }

    private static void AssertNamesField(HttpAnswer answer, string field) =>
        Assert.Contains(field, answer.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));

    private static string Id(HttpAnswer started) => started.Json.GetProperty("id").GetString()!;

    private static string Key(string @case) => $"parity-{@case}-{Guid.NewGuid():N}";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string CosmicImage(string @case) =>
        $$"""{"kind":"image","provider":"cosmic","params":{"prompt":"a fox ({{@case}})"},"idempotencyKey":"{{Key(@case)}}"}""";

    private static string PixazoImage(string @case) =>
        $$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a lighthouse ({{@case}})"},"idempotencyKey":"{{Key(@case)}}"}""";

    // Pixazo keeps the request queued for 10 minutes, so the job waits until it is canceled.
    private static string WaitingPixazoImage(string @case) =>
        $$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a lighthouse ({{@case}}) [sim:queued=600000]"},"idempotencyKey":"{{Key(@case)}}"}""";

    private static string Batch(string @case) =>
        $$$"""{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"one"}},{"kind":"image","provider":"comet","params":{"prompt":"two"}}],"idempotencyKey":"{{{Key(@case)}}}"}""";
}
