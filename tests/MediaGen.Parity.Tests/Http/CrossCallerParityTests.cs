using MediaGen.Workflows;
using MediaGen.Workflows.Orchestrations;

namespace MediaGen.Parity.Tests.Http;

/// <summary>
/// Callers are tenants on both hosts (issue 28), tried as an attacker with a key of their own would: every job route of
/// the Functions app answers another caller's job, batch or chain exactly as the standalone host does — 404, as for an id
/// that never existed — lists exclude it, a purge deletes the caller's own, equal idempotency keys name separate jobs and
/// a repeat discloses no webhook URL, and the operator (<see cref="ParityFixture.Operator"/>) sees and acts on all.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class CrossCallerParityTests(ParityFixture fixture)
{
    private const string A = ParityFixture.PartnerAKey;
    private const string B = ParityFixture.PartnerBKey;
    private const string Ops = ParityFixture.OperatorKey;

    [Fact]
    public async Task JobRoutes_AnotherCallersJobBatchAndItem_404OnBothAsForAnIdThatNeverExisted()
    {
        var since = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N");
        var job = Id(await fixture.StartedOnBothAsync(ParityRequest.Post("/api/jobs", WaitingPixazo(tag)).WithKey(A)));
        var batch = Id(await fixture.StartedOnBothAsync(ParityRequest.Post("/api/batches",
            $$$"""{"items":[{"kind":"image","provider":"pixazo","params":{"prompt":"a waiting batch [sim:queued=600000] {{{tag}}}"}}],"idempotencyKey":"parity-batch-{{{tag}}}"}""").WithKey(A)));
        var item = BatchOrchestrator.ItemId(batch, 0);
        await ExistsOnBothAsync(item);
        var routes = new (string Method, string Path, string Id)[]
        {
            ("GET", "/api/jobs/{0}", job), ("GET", "/api/jobs/{0}/details", job), ("POST", "/api/jobs/{0}/cancel?reason=mine", job),
            ("POST", "/api/jobs/{0}/rerun?idempotencyKey=stolen-" + tag, job), ("GET", "/api/jobs/{0}", item), ("POST", "/api/jobs/{0}/cancel", item),
            ("GET", "/api/batches/{0}", batch), ("POST", "/api/jobs/{0}/cancel", batch),
        };

        foreach (var (method, path, id) in routes)
        {
            var never = id[..^1] + (id[^1] == '0' ? '1' : '0');
            var (real, _) = await fixture.AssertParityAsync(new ParityRequest(method, Route(path, id)).WithKey(B), 404);
            var (fake, _) = await fixture.AssertParityAsync(new ParityRequest(method, Route(path, never)).WithKey(B), 404);
            Assert.Equal(Problem(fake).Replace(never, id, StringComparison.Ordinal), Problem(real));
        }

        var listedForB = await fixture.AssertParityAsync(ParityRequest.Get("/api/jobs?createdFrom=" + Time(since)).WithKey(B), 200);
        var bAsksForA = await fixture.AssertParityAsync(ParityRequest.Get($"/api/jobs?caller={ParityFixture.PartnerA}&q={tag}").WithKey(B), 200);
        Assert.Empty(listedForB.Standalone.Json.GetProperty("jobs").EnumerateArray());
        Assert.Empty(bAsksForA.Standalone.Json.GetProperty("jobs").EnumerateArray());
        foreach (var side in await BothAsync(ParityRequest.Get("/api/jobs?createdFrom=" + Time(since)).WithKey(A)))
        {
            Assert.Equal(new[] { job, item }.Order(), Ids(side).Order());
        }

        // Nothing changed: alice's job and batch still wait on both sides.
        foreach (var side in await BothAsync(ParityRequest.Get("/api/jobs/" + job).WithKey(A)))
        {
            Assert.Contains(side.Json.GetProperty("status").GetString(), new[] { "Pending", "Running" });
            Assert.Equal(ParityFixture.PartnerA, side.Json.GetProperty("caller").GetString());
        }

        await fixture.AssertParityAsync(ParityRequest.Post($"/api/jobs/{job}/cancel").WithKey(A), 202);
        await fixture.AssertParityAsync(ParityRequest.Post($"/api/jobs/{batch}/cancel").WithKey(A), 202);
        await fixture.WaitForBothAsync(job);
        await fixture.WaitForBothAsync(batch);
    }

    [Fact]
    public async Task StartJob_SameIdempotencyKeyFromTwoCallers_TwoJobsOnBothAndARepeatWithoutWebhookUrl()
    {
        var json = WaitingPixazo(Guid.NewGuid().ToString("N"));

        var (first, _) = await fixture.AssertParityAsync(ParityRequest.Post("/api/jobs", json).WithKey(A), 202);
        var (squatted, _) = await fixture.AssertParityAsync(ParityRequest.Post("/api/jobs", json).WithKey(B), 202);
        var (repeated, _) = await fixture.AssertParityAsync(ParityRequest.Post("/api/jobs", json).WithKey(A), 200);

        Assert.NotEqual(Id(first), Id(squatted));
        Assert.Equal(Id(first), Id(repeated));
        Assert.Contains("secret=", first.Json.GetProperty("pixazoWebhookUri").GetString(), StringComparison.Ordinal);
        Assert.False(repeated.Json.TryGetProperty("pixazoWebhookUri", out _), repeated.ToString());
        foreach (var (id, key) in new[] { (Id(first), A), (Id(squatted), B) })
        {
            await fixture.AssertParityAsync(ParityRequest.Post($"/api/jobs/{id}/cancel").WithKey(key), 202);
            await fixture.WaitForBothAsync(id);
        }
    }

    [Fact]
    public async Task Operator_AnotherCallersJob_ReadsListsRerunsAndCancelsAsTheStandaloneHost()
    {
        var since = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N");
        var done = Id(await fixture.StartedOnBothAsync(ParityRequest.Post("/api/jobs", CosmicImage(tag)).WithKey(A), waitForEnd: true));
        var waiting = Id(await fixture.StartedOnBothAsync(ParityRequest.Post("/api/jobs", WaitingPixazo(tag)).WithKey(A)));

        var (read, _) = await fixture.AssertParityAsync(ParityRequest.Get("/api/jobs/" + done).WithKey(Ops), 200);
        await fixture.AssertParityAsync(ParityRequest.Post($"/api/jobs/{done}/rerun?idempotencyKey=stolen-{tag}").WithKey(B), 404);
        var (rerun, _) = await fixture.AssertParityAsync(ParityRequest.Post($"/api/jobs/{done}/rerun?idempotencyKey=again-{tag}").WithKey(Ops), 202);
        await fixture.WaitForBothAsync(Id(rerun));
        var (rerunForA, _) = await fixture.AssertParityAsync(ParityRequest.Get("/api/jobs/" + Id(rerun)).WithKey(A), 200);
        await fixture.AssertParityAsync(ParityRequest.Post($"/api/jobs/{waiting}/cancel?reason=operator").WithKey(Ops), 202);
        await fixture.WaitForBothAsync(waiting);

        Assert.Equal(ParityFixture.PartnerA, read.Json.GetProperty("caller").GetString());
        Assert.Equal(JobIds.Keyed("job", ParityFixture.PartnerA, $"again-{tag}"), Id(rerun));
        Assert.Equal(ParityFixture.PartnerA, rerunForA.Json.GetProperty("caller").GetString());
        foreach (var side in await BothAsync(ParityRequest.Get($"/api/jobs?caller={ParityFixture.PartnerA}&createdFrom={Time(since)}").WithKey(Ops)))
        {
            Assert.Equal(new[] { done, waiting, Id(rerun) }.Order(), Ids(side).Order());
        }

        foreach (var side in await BothAsync(ParityRequest.Get($"/api/jobs?createdFrom={Time(since)}").WithKey(Ops)))
        {
            Assert.Superset(new HashSet<string> { done, waiting, Id(rerun) }, Ids(side).ToHashSet());
        }
    }

    [Fact]
    public async Task PurgeJobs_SecondCaller_DeletesItsOwnFinishedJobsOnlyAsTheStandaloneHost()
    {
        var tag = Guid.NewGuid().ToString("N");
        var alices = Id(await fixture.StartedOnBothAsync(ParityRequest.Post("/api/jobs", CosmicImage("a-" + tag)).WithKey(A), waitForEnd: true));
        var bobs = Id(await fixture.StartedOnBothAsync(ParityRequest.Post("/api/jobs", CosmicImage("b-" + tag)).WithKey(B), waitForEnd: true));

        var (purged, _) = await fixture.AssertParityAsync(ParityRequest.Post("/api/jobs/purge?createdBefore=" + Time(DateTimeOffset.UtcNow)).WithKey(B), 200);

        Assert.True(purged.Json.GetProperty("purged").GetInt32() >= 1, purged.ToString());
        await fixture.AssertParityAsync(ParityRequest.Get("/api/jobs/" + bobs).WithKey(B), 404);
        await fixture.AssertParityAsync(ParityRequest.Get("/api/jobs/" + alices).WithKey(A), 200);
    }

    /// <summary>Waits until instance <paramref name="id"/> exists on both sides (a bound, not a timing assertion).</summary>
    private async Task ExistsOnBothAsync(string id)
    {
        using var timeout = new CancellationTokenSource(Testing.Waits.HangGuard);
        await Task.WhenAll(fixture.Clients.Select(c => c.WaitForInstanceStartAsync(id, false, timeout.Token)));
    }

    private async Task<HttpAnswer[]> BothAsync(ParityRequest request)
    {
        var (standalone, functions) = await fixture.SendBothAsync(request);
        Assert.True(standalone.Status == 200, standalone.ToString());
        Assert.True(functions.Status == 200, functions.ToString());
        return [standalone, functions];
    }

    private static IEnumerable<string> Ids(HttpAnswer page) =>
        page.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()!);

    private static string Route(string path, string id) => string.Format(CultureInfo.InvariantCulture, path, id);

    /// <summary>A 404 ProblemDetails, normalised, without its per-request trace id.</summary>
    private static string Problem(HttpAnswer answer) =>
        string.Join("|", answer.Json.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));

    private static string Id(HttpAnswer started) => started.Json.GetProperty("id").GetString()!;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string CosmicImage(string tag) =>
        $$"""{"kind":"image","provider":"cosmic","params":{"prompt":"a tenant's fox {{tag}}"},"idempotencyKey":"parity-tenant-image-{{tag}}"}""";

    // Pixazo keeps the request queued for 10 minutes, so the job waits until it is canceled.
    private static string WaitingPixazo(string tag) =>
        $$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a tenant's lighthouse [sim:queued=600000] {{tag}}"},"idempotencyKey":"parity-tenant-{{tag}}"}""";
}
