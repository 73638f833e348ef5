using System.Security.Cryptography;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Pixazo;

namespace MediaGen.Host.Tests.Api;

/// <summary>
/// Issue 11.4, on the real host, engine and simulator: Pixazo webhooks that come early (before the orchestration waits),
/// twice or out of order, late (after the job ended), or forged (wrong secret, another job's secret, a replay of another
/// request's status) are each answered as docs/host.md says, and no job is corrupted — each ends with its own status,
/// its own media in its blob, and one purchase. Polling is slowed to a minute, so only a webhook can end a job in time.
/// (Bad bodies and bad queries are <c>BadInput/BadInputTests</c>; wrong secret, unknown job and manual duplicates are
/// <c>WebhookTests</c>.)
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class WebhookMatrixTests(HostEnvironment env)
{
    private static readonly Dictionary<string, string?> PollRarely = new()
    {
        ["Workflows:PollInitialInterval"] = "00:01:00",
        ["Workflows:PollMaxInterval"] = "00:01:00",
    };

    [Fact]
    public async Task EarlyWebhook_BeforeTheOrchestrationWaits_IsKeptAndCompletesTheJob()
    {
        var gate = new SubmitGate();
        await using var host = await env.StartHostAsync(overrides: PollRarely, configureServices: gate.Install());
        var prompt = Prompt("matrix early");

        var accepted = await host.StartJobAsync(Job(prompt));
        await gate.Submitted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // The submit activity is held after Pixazo accepted it: the simulator's webhook arrives while the
        // orchestration has not reached its wait.
        var requestId = (await env.Simulator.GetRequestsAsync()).Requests.Single(r => r.Prompt == prompt).RequestId!;
        var delivery = await Waits.ForAsync(
            async () => (await env.Simulator.GetRequestsAsync()).Webhooks.FirstOrDefault(w => w.RequestId == requestId && w.Status == "COMPLETED"),
            "the simulator's webhook");
        var held = (await host.GetJobAsync(accepted.Id))!;
        gate.Release.SetResult();
        var job = await host.WaitForJobAsync(accepted.Id);

        Assert.Equal(200, delivery.ResponseStatus);
        Assert.Equal(JobStatus.Running, held.Status);
        Assert.Equal("submitting", held.Progress!.Value.GetProperty("phase").GetString());
        Assert.Equal(JobStatus.Completed, job.Status);
        // Polling waits a minute: the job finished by the kept webhook and its one confirming poll.
        Assert.Equal(1, job.Progress!.Value.GetProperty("polls").GetInt32());
        await AssertIntactAsync(host, job, prompt, await MediaOfAsync(requestId));
    }

    [Fact]
    public async Task DuplicateAndStaleWebhooks_FromTheSimulator_AreAcceptedAndTheJobCompletesOnce()
    {
        await using var host = await env.StartHostAsync(overrides: PollRarely);
        var prompt = Prompt("[sim:webhook-duplicate=3,webhook-out-of-order] matrix duplicate");

        var accepted = await host.StartJobAsync(Job(prompt));
        var job = await host.WaitForJobAsync(accepted.Id);
        var requestId = job.Result!.Items[0].ProviderId!;
        var deliveries = await Waits.ForAsync(async () =>
        {
            var all = (await env.Simulator.GetRequestsAsync()).Webhooks.Where(w => w.RequestId == requestId).ToList();
            return all.Count(w => w.Status == "COMPLETED") >= 3 && all.Any(w => w.Status == "PROCESSING") ? all : null;
        }, "three COMPLETED copies and a stale PROCESSING");

        Assert.All(deliveries, d => Assert.Equal(200, d.ResponseStatus));
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(Json(job), Json((await host.GetJobAsync(accepted.Id))!));
        await AssertIntactAsync(host, job, prompt, await MediaOfAsync(requestId));
    }

    [Fact]
    public async Task ForgedAndLateWebhooks_AreAnsweredAsDocumentedAndCorruptNoJob()
    {
        await using var host = await env.StartHostAsync(overrides: PollRarely);
        var evilPng = "\u0089PNG\r\n\u001a\nforged media"u8.ToArray();
        var evilHits = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var evil = await LoopbackHttpServer.StartAsync(context =>
        {
            evilHits.Enqueue(context.Request.Path);
            context.Response.ContentType = "image/png";
            return context.Response.Body.WriteAsync(evilPng).AsTask();
        });
        var evilUrl = new Uri(evil.BaseAddress, "evil.png").AbsoluteUri;

        // A: finished by the simulator's webhook. B: the simulator sends it none, so it waits for the test.
        var promptA = Prompt("matrix a");
        var promptB = Prompt("[sim:no-webhook] matrix b");
        var a = await host.StartJobAsync(Job(promptA));
        var b = await host.StartJobAsync(Job(promptB));
        var doneA = await host.WaitForJobAsync(a.Id);
        var requestA = doneA.Result!.Items[0].ProviderId!;
        var waitingB = await host.WaitForJobAsync(b.Id, j => j.Progress?.GetProperty("phase").GetString() == "waiting");
        var requestB = waitingB.Progress!.Value.GetProperty("requestId").GetString()!;
        var payloadA = await StatusPayloadAsync(requestA);
        var urlA = a.PixazoWebhookUri!;
        var urlB = b.PixazoWebhookUri!;
        var evilForB = $$$"""{"request_id":"{{{requestB}}}","status":"COMPLETED","output":{"media_url":["{{{evilUrl}}}"]}}""";

        var forged = new (string What, Uri Url, string Body, HttpStatusCode Expected)[]
        {
            ("wrong secret", new Uri(urlB.GetLeftPart(UriPartial.Path) + "?secret=AAAA" + urlB.Query[12..]), evilForB, HttpStatusCode.Unauthorized),
            ("no secret", new Uri(urlB.GetLeftPart(UriPartial.Path)), evilForB, HttpStatusCode.Unauthorized),
            ("A's secret on B", new Uri(urlB.GetLeftPart(UriPartial.Path) + urlA.Query), evilForB, HttpStatusCode.Unauthorized),
            ("A's secret, A's genuine status, on B", new Uri(urlB.GetLeftPart(UriPartial.Path) + urlA.Query), payloadA, HttpStatusCode.Unauthorized),
            ("A's genuine status replayed to B (B's secret)", urlB, payloadA, HttpStatusCode.OK),
            ("B's stale QUEUED replayed", urlB, $$"""{"request_id":"{{requestB}}","status":"QUEUED"}""", HttpStatusCode.OK),
            ("B's request completed on A's URL (late for A)", urlA, evilForB, HttpStatusCode.OK),
            ("A's status again (late duplicate)", urlA, payloadA, HttpStatusCode.OK),
            ("A's request FAILED (late)", urlA, $$"""{"request_id":"{{requestA}}","status":"FAILED","error":"forged"}""", HttpStatusCode.OK),
        };
        var answers = new List<string>();
        foreach (var (what, url, body, expected) in forged)
        {
            using var response = await host.Anonymous.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected
                || (expected == HttpStatusCode.OK ? !text.Contains("\"accepted\"", StringComparison.Ordinal) : response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                answers.Add($"{what}: {(int)response.StatusCode} {text}");
            }
        }

        // The two replays that reached B are in its history once it has read them: B still waits, with no result.
        var stillB = await host.WaitForJobAsync(b.Id, j => j.Progress!.Value.GetProperty("webhooks").GetInt32() >= 2);
        Assert.Empty(answers);
        Assert.Equal(JobStatus.Running, stillB.Status);
        Assert.Null(stillB.Result);
        Assert.Equal(Json(doneA), Json((await host.GetJobAsync(a.Id))!));

        // B's genuine completion, as Pixazo would send it, finishes B with B's media; then a late replay changes nothing.
        var payloadB = await StatusPayloadAsync(requestB);
        using var genuine = await host.Anonymous.PostAsync(urlB, new StringContent(payloadB, Encoding.UTF8, "application/json"));
        var doneB = await host.WaitForJobAsync(b.Id);
        using var late = await host.Anonymous.PostAsync(urlB, new StringContent(payloadA, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(JobStatus.Completed, doneB.Status);
        Assert.Equal(Json(doneB), Json((await host.GetJobAsync(b.Id))!));
        await AssertIntactAsync(host, doneA, promptA, await MediaOfAsync(requestA));
        await AssertIntactAsync(host, doneB, promptB, await MediaOfAsync(requestB));
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(evilPng)), doneB.Result!.Items[0].Sha256);
        Assert.Empty(evilHits);
    }

    /// <summary>Right status, one item holding exactly the provider's media (hash, size, blob content), one purchase.</summary>
    private async Task AssertIntactAsync(TestHost host, JobState job, string prompt, byte[] media)
    {
        Assert.Equal(JobStatus.Completed, job.Status);
        var item = Assert.Single(job.Result!.Items);
        var expected = Convert.ToHexStringLower(SHA256.HashData(media));
        Assert.Equal((media.LongLength, expected), (item.Size, item.Sha256));
        var blob = new BlobUriBuilder(item.BlobUri);
        var stored = (await host.Blobs.GetBlobContainerClient(blob.BlobContainerName).GetBlobClient(blob.BlobName).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(stored)));
        var ledger = await env.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    /// <summary>The request's status as Pixazo reports it (the body its webhook carries), once COMPLETED.</summary>
    private async Task<string> StatusPayloadAsync(string requestId) =>
        await Waits.ForAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/requests/status/{requestId}");
            request.Headers.Add(PixazoCatalog.SubscriptionKeyHeader, SimulatorFixture.ApiKey);
            using var response = await env.Simulator.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var status = JsonDocument.Parse(body);
            return status.RootElement.GetProperty("status").GetString() == "COMPLETED" ? body : null;
        }, $"Pixazo request {requestId} to complete");

    /// <summary>The bytes of the request's one output, fetched from the simulator.</summary>
    private async Task<byte[]> MediaOfAsync(string requestId)
    {
        using var status = JsonDocument.Parse(await StatusPayloadAsync(requestId));
        var url = Assert.Single(status.RootElement.GetProperty("output").GetProperty("media_url").EnumerateArray()).GetString()!;
        return await env.Simulator.Client.GetByteArrayAsync(new Uri(url));
    }

    private static string Job(string prompt) =>
        $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":{{{JsonSerializer.Serialize(prompt)}}}}}""";

    private static string Prompt(string text) => $"{text} {Guid.NewGuid():N}";

    private static string Json(JobState job) => JsonSerializer.Serialize(job, JobJson.Options);

    /// <summary>Holds the host's Pixazo submit after Pixazo answered it, until the test releases it.</summary>
    private sealed class SubmitGate
    {
        public TaskCompletionSource Submitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IServiceCollection> Install() => services =>
            services.AddHttpClient("PixazoClient").AddHttpMessageHandler(() => new Handler(this));

        private sealed class Handler(SubmitGate gate) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (request.Method == HttpMethod.Post)
                {
                    gate.Submitted.TrySetResult();
                    await gate.Release.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
                }

                return response;
            }
        }
    }
}
