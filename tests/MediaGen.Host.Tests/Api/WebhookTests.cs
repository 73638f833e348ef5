using MediaGen.Core.Jobs;
using MediaGen.Workflows.Pixazo;

namespace MediaGen.Host.Tests.Api;

[Collection(JobsCollection.Name)]
public sealed class WebhookTests(HostEnvironment env)
{
    [Fact]
    public async Task PixazoWebhook_FromSimulator_CompletesJobWithoutPolling()
    {
        // Polling waits a minute: only the webhook can finish the job in time.
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Workflows:PollInitialInterval"] = "00:01:00",
            ["Workflows:PollMaxInterval"] = "00:01:00",
        });

        var accepted = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"webhook heron"}}""");
        var job = await host.WaitForJobAsync(accepted.Id);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.True(job.Progress!.Value.GetProperty("webhooks").GetInt32() >= 1);
        var requestId = job.Progress.Value.GetProperty("requestId").GetString();
        var deliveries = (await env.Simulator.GetRequestsAsync()).Webhooks.Where(w => w.RequestId == requestId).ToList();
        Assert.Contains(deliveries, w => w.ResponseStatus == 200 && w.Url.StartsWith(host.BaseAddress.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PixazoWebhook_WrongSecretUnknownJobBadBodyDuplicatesAndForgedCompletion_AreRejectedOrHarmless()
    {
        await using var host = await env.StartHostAsync();
        var png = PngBytes();
        var mediaRequests = 0;
        await using var media = await LoopbackHttpServer.StartAsync(context =>
        {
            Interlocked.Increment(ref mediaRequests);
            context.Response.ContentType = "image/png";
            return context.Response.Body.WriteAsync(png).AsTask();
        });
        // Pixazo (the simulator) holds the request QUEUED for the whole test.
        env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMinutes(5);
        try
        {
            var accepted = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"webhook auth"}}""");
            var waiting = await host.WaitForJobAsync(accepted.Id, j => j.Progress is { } p && p.GetProperty("requestId").ValueKind == JsonValueKind.String);
            var requestId = waiting.Progress!.Value.GetProperty("requestId").GetString();
            var completed = $$$"""{"request_id":"{{{requestId}}}","status":"COMPLETED","output":{"media_url":["{{{media.BaseAddress}}}fox.png"]}}""";
            var processing = $$$"""{"request_id":"{{{requestId}}}","status":"PROCESSING"}""";
            var webhooks = new PixazoWebhooks(Options.Create(new WorkflowOptions { WebhookSigningKey = HostEnvironment.WebhookKey, PublicBaseUrl = host.BaseAddress.AbsoluteUri }));
            var goodUrl = accepted.PixazoWebhookUri!;

            using var wrongSecret = await PostAsync(host, new Uri($"/api/webhooks/pixazo/{accepted.Id}?secret=AAAA{goodUrl.Query[12..]}", UriKind.Relative), completed);
            using var noSecret = await PostAsync(host, new Uri($"/api/webhooks/pixazo/{accepted.Id}", UriKind.Relative), completed);
            using var unknownJob = await PostAsync(host, new Uri(webhooks.UrlFor("job-unknown")!), completed);
            using var notAStatus = await PostAsync(host, goodUrl, """{"hello":"world"}""");
            using var duplicate1 = await PostAsync(host, goodUrl, processing);
            using var duplicate2 = await host.Anonymous.PostAsync(goodUrl, new StringContent(processing, Encoding.UTF8, "text/plain")); // unlabelled JSON is read too

            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, noSecret.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknownJob.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, notAStatus.StatusCode);
            Assert.Equal(HttpStatusCode.OK, duplicate1.StatusCode);
            Assert.Equal(HttpStatusCode.OK, duplicate2.StatusCode);
            var still = (await host.GetJobAsync(accepted.Id))!;
            Assert.Equal(JobStatus.Running, still.Status);
            Assert.Null(still.Result);

            // A COMPLETED Pixazo never sent, from whoever holds the URL, twice: accepted, each confirmed by one poll that
            // reads QUEUED, so the job keeps waiting with nothing copied.
            using var forged = await PostAsync(host, goodUrl, completed);
            using var again = await PostAsync(host, goodUrl, completed);
            var confirmed = await host.WaitForJobAsync(accepted.Id, j => j.Progress is { } p && p.GetProperty("polls").GetInt32() >= 2);
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal((JobStatus.Running, "QUEUED"), (confirmed.Status, confirmed.Progress!.Value.GetProperty("providerStatus").GetString()));
            Assert.Null(confirmed.Result);
            Assert.Equal(0, Volatile.Read(ref mediaRequests)); // the forged media URL was never fetched
        }
        finally
        {
            env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMilliseconds(50);
        }
    }

    [Fact]
    public async Task PixazoWebhook_AfterTheHostRestarted_FindsItsJob()
    {
        var names = HostNames.Unique();
        // Pixazo (the simulator) holds the request QUEUED for the whole test; polls wait a minute.
        env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMinutes(5);
        try
        {
            Uri webhook;
            string jobId, requestId;
            await using (var before = await env.StartHostAsync(names, PollRarely))
            {
                var accepted = await before.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"restart heron"}}""");
                var waiting = await before.WaitForJobAsync(accepted.Id, j => j.Progress is { } p && p.GetProperty("requestId").ValueKind == JsonValueKind.String);
                (webhook, jobId, requestId) = (accepted.PixazoWebhookUri!, accepted.Id, waiting.Progress!.Value.GetProperty("requestId").GetString()!);
            }

            // A new process on the same task hub (and another port): Pixazo's webhook reaches it, for the same job.
            await using var after = await env.StartHostAsync(names, PollRarely);
            using var answer = await PostAsync(after, new Uri(webhook.PathAndQuery, UriKind.Relative), $$"""{"request_id":"{{requestId}}","status":"PROCESSING"}""");
            var seen = await after.WaitForJobAsync(jobId, j => j.Progress is { } p && p.GetProperty("webhooks").GetInt32() == 1);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal((JobStatus.Running, "PROCESSING"), (seen.Status, seen.Progress!.Value.GetProperty("providerStatus").GetString()));
        }
        finally
        {
            env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMilliseconds(50);
        }
    }

    [Fact]
    public async Task PixazoWebhook_WrongSecret_Answers401BeforeTheBodyArrives()
    {
        // Headers announce a body, and only part of it is ever sent: a host that read the body before checking the secret
        // would still be waiting for the rest (until Waits.HangGuard fails the test); one that checks first answers at once.
        await using var host = await env.StartHostAsync();
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = socket.GetStream();
        var head = $"POST /api/webhooks/pixazo/job-{Guid.NewGuid():N}?secret=not-the-secret HTTP/1.1\r\n" +
                   $"Host: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n" +
                   "{\"request_id\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(Waits.HangGuard);

        Assert.Equal("HTTP/1.1 401 Unauthorized", statusLine);
    }

    private static readonly Dictionary<string, string?> PollRarely = new()
    {
        ["Workflows:PollInitialInterval"] = "00:01:00",
        ["Workflows:PollMaxInterval"] = "00:01:00",
    };

    private static byte[] PngBytes() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 200).Select(i => (byte)i)];

    private static Task<HttpResponseMessage> PostAsync(TestHost host, Uri url, string json) =>
        host.Anonymous.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
}
