using System.Net.ServerSentEvents;
using MediaGen.Api.Jobs;
using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Api;

/// <summary><c>Prefer: wait</c> on the start routes and <c>GET /api/jobs/{id}/events</c>, over real HTTP with a real SSE parser.</summary>
[Collection(HostCollection.Name)]
public sealed class WaitAndEventsTests(HostEnvironment env)
{
    [Fact]
    public async Task StartJob_PreferWaitQuickJob_Returns201WithTheFinishedJob()
    {
        await using var host = await env.StartHostAsync();

        using var response = await PostAsync(host, "/api/jobs", ImageJob("quick " + Guid.NewGuid().ToString("N")), "wait=30");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("wait=30", Assert.Single(response.Headers.GetValues(PreferWait.AppliedHeader)));
        var job = JsonSerializer.Deserialize<JobState>(await response.Content.ReadAsStringAsync(), JobJson.Options)!;
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Single(job.Result!.Items);
        Assert.Equal(new Uri(host.BaseAddress, $"/api/jobs/{job.Id}"), response.Headers.Location);
    }

    [Fact]
    public async Task StartJob_PreferWaitSameKeyAfterItEnded_Returns200WithTheFinishedJob()
    {
        await using var host = await env.StartHostAsync();
        var json = ImageJob("again " + Guid.NewGuid().ToString("N"), $"key-{Guid.NewGuid():N}");
        using var first = await PostAsync(host, "/api/jobs", json, "wait");

        using var second = await PostAsync(host, "/api/jobs", json, "respond-async, wait=5");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("wait=60", Assert.Single(first.Headers.GetValues(PreferWait.AppliedHeader)));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StartJob_PreferWaitShorterThanTheJob_Returns202AndTheJobGoesOn()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "slow " + Guid.NewGuid().ToString("N");
        await env.Simulator.AddFaultAsync("slow=4000", SimulatorEndpoints.CosmicImage, promptContains: prompt);

        using var response = await PostAsync(host, "/api/jobs", ImageJob(prompt), "wait=1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("wait=1", Assert.Single(response.Headers.GetValues(PreferWait.AppliedHeader)));
        var accepted = JsonSerializer.Deserialize<JobAccepted>(await response.Content.ReadAsStringAsync(), JobJson.Options)!;
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(accepted.Id)).Status);
    }

    [Fact]
    public async Task StartJob_CallerHangsUpWhileWaiting_TheJobStillCompletes()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "hang-up " + Guid.NewGuid().ToString("N");
        var key = $"key-{Guid.NewGuid():N}";
        await env.Simulator.AddFaultAsync("slow=3000", SimulatorEndpoints.CosmicImage, promptContains: prompt);
        using var hangUp = new CancellationTokenSource();
        var waiting = PostAsync(host, "/api/jobs", ImageJob(prompt, key), "wait=60", hangUp.Token);
        var id = MediaGen.Workflows.JobIds.Keyed("job", MediaGen.Workflows.JobOwner.DefaultCaller, key);
        await Waits.ForAsync(async () => await host.GetJobAsync(id), "the job started");

        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(id)).Status);
    }

    [Theory]
    [InlineData("wait=0")]
    [InlineData("wait=61")]
    [InlineData("wait=soon")]
    [InlineData("wait=-5")]
    public async Task StartJob_PreferWaitOutOfRange_Returns400NamingTheHeaderAndStartsNothing(string prefer)
    {
        await using var host = await env.StartHostAsync();
        var prompt = "refused " + Guid.NewGuid().ToString("N");

        using var response = await PostAsync(host, "/api/jobs", ImageJob(prompt), prefer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"Prefer\"", body, StringComparison.Ordinal);
        Assert.Equal(0, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
        Assert.Contains("\"jobs\":[]", await host.Api.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartBatch_PreferWait_ReturnsTheFinishedBatchWithItsCounts()
    {
        await using var host = await env.StartHostAsync();
        var tag = Guid.NewGuid().ToString("N");
        var batch = $$"""{"items":[{{ImageJob("batch a " + tag)}},{{ImageJob("batch b " + tag)}}]}""";

        using var response = await PostAsync(host, "/api/batches", batch, "wait=45");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var state = JsonSerializer.Deserialize<BatchState>(await response.Content.ReadAsStringAsync(), JobJson.Options)!;
        Assert.Equal((JobStatus.Completed, 2, 2), (state.Status, state.Total, state.Completed));
        Assert.Equal(new Uri(host.BaseAddress, $"/api/batches/{state.Id}"), response.Headers.Location);
    }

    [Fact]
    public async Task JobEvents_RunningJob_StreamsUpdatesThenEndsWithTheFinalJob()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "events " + Guid.NewGuid().ToString("N");
        await env.Simulator.AddFaultAsync("slow=1500", SimulatorEndpoints.CosmicImage, promptContains: prompt);
        var accepted = await host.StartJobAsync(ImageJob(prompt));

        var events = await ReadEventsAsync(host, accepted.Id);

        Assert.Equal("end", events[^1].EventType);
        Assert.All(events[..^1], e => Assert.Equal("update", e.EventType));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        var final = JsonSerializer.Deserialize<JobState>(events[^1].Data, JobJson.Options)!;
        Assert.Equal((accepted.Id, JobStatus.Completed), (final.Id, final.Status));
        Assert.Equal(JsonSerializer.Serialize(await host.GetJobAsync(accepted.Id), JobJson.Options), JsonSerializer.Serialize(final, JobJson.Options));
    }

    [Fact]
    public async Task JobEvents_LastEventIdOfTheFinalState_EndsWithoutRepeatingIt()
    {
        await using var host = await env.StartHostAsync();
        var accepted = await host.StartJobAsync(ImageJob("resume " + Guid.NewGuid().ToString("N")));
        var first = await ReadEventsAsync(host, accepted.Id);

        var resumed = await ReadEventsAsync(host, accepted.Id, lastEventId: first[^1].EventId);

        Assert.Equal("end", first[^1].EventType);
        Assert.Empty(resumed);
    }

    [Fact]
    public async Task JobEvents_Batch_StreamsItemCountsUntilTheBatchEnds()
    {
        await using var host = await env.StartHostAsync();
        var tag = Guid.NewGuid().ToString("N");
        var accepted = await host.StartJobAsync($$"""{"items":[{{ImageJob("sse batch a " + tag)}},{{ImageJob("sse batch b " + tag)}}]}""", "/api/batches");

        var events = await ReadEventsAsync(host, accepted.Id);

        var final = JsonSerializer.Deserialize<BatchState>(events[^1].Data, JobJson.Options)!;
        Assert.Equal(("end", JobStatus.Completed, 2), (events[^1].EventType, final.Status, final.Completed));
    }

    [Fact]
    public async Task JobEvents_QuietJob_SendsKeepAliveComments()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["Api:EventStreamKeepAliveSeconds"] = "1" });
        var prompt = "quiet " + Guid.NewGuid().ToString("N");
        await env.Simulator.AddFaultAsync("slow=5000", SimulatorEndpoints.CosmicImage, promptContains: prompt);
        var accepted = await host.StartJobAsync(ImageJob(prompt));

        using var response = await host.Api.GetAsync(new Uri($"/api/jobs/{accepted.Id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        var text = await new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8).ReadToEndAsync();

        Assert.Contains("\n: keep-alive\n\n", "\n" + text, StringComparison.Ordinal);
        Assert.Contains("event: end\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobEvents_SeveralClients_ShareOneReadLoop()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "shared " + Guid.NewGuid().ToString("N");
        await env.Simulator.AddFaultAsync("slow=3000", SimulatorEndpoints.CosmicImage, promptContains: prompt);
        var accepted = await host.StartJobAsync(ImageJob(prompt));
        var watcher = host.Services.GetRequiredService<JobWatcher>();

        var streams = Enumerable.Range(0, 3).Select(_ => ReadEventsAsync(host, accepted.Id)).ToList();
        await Waits.UntilAsync(() => Task.FromResult(watcher.ActiveLoops == 1), "the streams are open");
        var loopsWhileStreaming = watcher.ActiveLoops;
        var all = await Task.WhenAll(streams);

        Assert.Equal(1, loopsWhileStreaming);
        Assert.All(all, events => Assert.Equal("end", events[^1].EventType));
        await Waits.UntilAsync(() => Task.FromResult(watcher.ActiveLoops == 0), "the loop stopped");
    }

    [Fact]
    public async Task JobEvents_UnknownOrAnotherCallersJob_Returns404()
    {
        await using var host = await env.StartHostAsync();

        using var unknown = await host.Api.GetAsync(new Uri("/api/jobs/job-does-not-exist/events", UriKind.Relative));
        using var anonymous = await host.Anonymous.GetAsync(new Uri("/api/jobs/job-does-not-exist/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static string ImageJob(string prompt, string? key = null) =>
        $$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{prompt}}"}{{(key is null ? "" : $",\"idempotencyKey\":\"{key}\"")}}}""";

    private static Task<HttpResponseMessage> PostAsync(TestHost host, string path, string json, string prefer, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(PreferWait.Header, prefer);
        return host.Api.SendAsync(request, cancellationToken);
    }

    private static async Task<List<SseItem<string>>> ReadEventsAsync(TestHost host, string id, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/jobs/{id}/events", UriKind.Relative));
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        using var response = await host.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JobEventStream.ContentType, response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add(item);
        }

        return events;
    }
}
