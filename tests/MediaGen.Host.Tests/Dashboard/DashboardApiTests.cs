using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Dashboard;

/// <summary>The routes the dashboard adds (details, re-run, purge, list filters) and how its files are served.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardApiTests(HostEnvironment env)
{
    [Fact]
    public async Task Dashboard_Files_ServedWithoutKeyUnderStrictCsp()
    {
        await using var host = await env.StartHostAsync();

        using var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress }.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/dashboard/", redirect.Headers.Location?.OriginalString);
        foreach (var file in (string[])["", "app.js", "api.js", "dom.js", "list.js", "vocabulary.js", "job.js", "batch.js", "previews.js", "confirm.js", "dashboard.css", "overview.js", "charts.js", "lib/chart.umd.min.js", "lib/chart.js-LICENSE.txt"])
        {
            using var response = await host.Anonymous.GetAsync(new Uri("/dashboard/" + file, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var text = await response.Content.ReadAsStringAsync();
            // No CDN, no inline script or style, no markup built from strings.
            Assert.DoesNotMatch("(src|href)=\"https?://", text);
            Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
            Assert.DoesNotContain("insertAdjacentHTML", text, StringComparison.Ordinal);
            Assert.DoesNotContain("eval(", text, StringComparison.Ordinal);
            if (file == "")
            {
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotMatch(InlineScript(), text);
                Assert.DoesNotContain(" style=", text, StringComparison.Ordinal);
            }
        }

        using var missing = await host.Anonymous.GetAsync(new Uri("/dashboard/nope.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetJobDetails_CompletedJobWithRefusedCallback_ShowsTimelineHistoryPreviewsAndNoSecrets()
    {
        var attempts = new ConcurrentQueue<string>();
        await using var receiver = await LoopbackHttpServer.StartAsync(context =>
        {
            attempts.Enqueue(context.Request.Path);
            context.Response.StatusCode = attempts.Count == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        await using var host = await env.StartHostAsync();
        var callback = $"{receiver.BaseAddress}hook?token=callback-secret-123";
        var accepted = await host.StartJobAsync($$$"""{"kind":"image","provider":"comet","params":{"prompt":"a lantern"},"callbackUrl":"{{{callback}}}"}""");
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(accepted.Id)).Status);

        using var response = await host.Api.GetAsync(new Uri($"/api/jobs/{accepted.Id}/details", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("callback-secret-123", body, StringComparison.Ordinal);
        var details = JsonDocument.Parse(body).RootElement;
        Assert.Equal("job", details.GetProperty("type").GetString());
        Assert.Equal("a lantern", details.GetProperty("request").GetProperty("params").GetProperty("prompt").GetString());
        Assert.EndsWith("/hook?[redacted]", details.GetProperty("request").GetProperty("callbackUrl").GetString(), StringComparison.Ordinal);

        var timeline = details.GetProperty("timeline").EnumerateArray().Select(e => (Phase: e.GetProperty("phase").GetString(), Detail: e.GetProperty("detail").GetString()!)).ToList();
        // The generate activity stores its own media (issue 24): no separate copy step unless its copy failed.
        Assert.Equal(["accepted", "provider-call", "results-queue", "callback", "callback", "completed"], timeline.Select(e => e.Phase).ToList());
        Assert.Contains("attempt 1 failed", timeline[3].Detail, StringComparison.Ordinal);
        Assert.Contains("attempt 2: delivered", timeline[4].Detail, StringComparison.Ordinal);
        Assert.Equal(2, attempts.Count);
        var history = details.GetProperty("history").EnumerateArray().ToList();
        Assert.Single(history, e => e.GetProperty("type").GetString() == "ExecutionStarted" && e.GetProperty("name").GetString() == "SyncGenerationOrchestrator");
        Assert.Single(history, e => e.GetProperty("type").GetString() == "ExecutionCompleted");
        Assert.Equal(3, history.Count(e => e.GetProperty("type").GetString() == "TaskScheduled" && e.GetProperty("name").GetString() is "SendCallbackActivity" or "PublishResultActivity"));

        // The preview is a read-only SAS URL of the private blob: it downloads the stored bytes; the bare URI does not.
        var job = (await host.GetJobAsync(accepted.Id))!;
        var item = Assert.Single(job.Result!.Items);
        var preview = details.GetProperty("previews").EnumerateArray().Single();
        Assert.Equal(item.Sha256, preview.GetProperty("sha256").GetString());
        Assert.Equal(item.Size, preview.GetProperty("size").GetInt64());
        var url = new Uri(preview.GetProperty("url").GetString()!);
        Assert.Contains("sp=r&", url.Query + "&", StringComparison.Ordinal);
        Assert.True(preview.GetProperty("expiresAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(16));
        using var anonymous = new HttpClient();
        var bytes = await anonymous.GetByteArrayAsync(url);
        Assert.Equal(item.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var bare = await anonymous.GetAsync(item.BlobUri);
        Assert.False(bare.IsSuccessStatusCode, "the media container must not be readable without a SAS");
    }

    [Fact]
    public async Task GetJobDetails_PixazoImageToVideoWithSasImage_RedactsTheSas()
    {
        await using var host = await env.StartHostAsync();
        var image = $"{env.Simulator.BaseAddress}media/synthetic/in.png?sv=2025-01-05&sig=very-secret-signature";
        var accepted = await host.StartJobAsync($$$"""{"kind":"video","provider":"pixazo","params":{"prompt":"waves","image_url":"{{{image}}}"}}""");

        var body = await host.Api.GetStringAsync(new Uri($"/api/jobs/{accepted.Id}/details", UriKind.Relative));

        Assert.DoesNotContain("very-secret-signature", body, StringComparison.Ordinal);
        var parameters = JsonDocument.Parse(body).RootElement.GetProperty("request").GetProperty("params");
        Assert.Equal($"{env.Simulator.BaseAddress}media/synthetic/in.png?[redacted]", parameters.GetProperty("image_url").GetString());
        await host.Api.PostAsync(new Uri($"/api/jobs/{accepted.Id}/cancel", UriKind.Relative), null);
    }

    [Fact]
    public async Task DashboardRoutes_NoKeyOrUnknownId_Answer401And404()
    {
        await using var host = await env.StartHostAsync();

        using var noKey = await host.Anonymous.GetAsync(new Uri("/api/jobs/job-x/details", UriKind.Relative));
        using var noKeyRerun = await host.Anonymous.PostAsync(new Uri("/api/jobs/job-x/rerun", UriKind.Relative), null);
        using var noKeyPurge = await host.Anonymous.PostAsync(new Uri("/api/jobs/purge?createdBefore=2020-01-01T00:00:00Z", UriKind.Relative), null);
        using var unknown = await host.Api.GetAsync(new Uri("/api/jobs/job-unknown/details", UriKind.Relative));
        using var unknownRerun = await host.Api.PostAsync(new Uri("/api/jobs/job-unknown/rerun", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKeyRerun.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKeyPurge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRerun.StatusCode);
    }

    [Fact]
    public async Task RerunJob_SameKeyTwice_StartsOneNewJobWithTheSameParams()
    {
        await using var host = await env.StartHostAsync();
        var original = await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"rerun me","aspect_ratio":"16:9"},"idempotencyKey":"orig-1"}""");
        await host.WaitForJobAsync(original.Id);
        var key = "again-" + Guid.NewGuid().ToString("N");

        using var first = await host.Api.PostAsync(new Uri($"/api/jobs/{original.Id}/rerun?idempotencyKey={key}", UriKind.Relative), null);
        using var second = await host.Api.PostAsync(new Uri($"/api/jobs/{original.Id}/rerun?idempotencyKey={key}", UriKind.Relative), null);
        using var badKey = await host.Api.PostAsync(new Uri($"/api/jobs/{original.Id}/rerun?idempotencyKey=has%20space", UriKind.Relative), null);
        using var unknownParam = await host.Api.PostAsync(new Uri($"/api/jobs/{original.Id}/rerun?force=true", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = (await first.Content.ReadFromJsonAsync<MediaGen.Api.Jobs.JobAccepted>(JobJson.Options))!;
        var b = (await second.Content.ReadFromJsonAsync<MediaGen.Api.Jobs.JobAccepted>(JobJson.Options))!;
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(original.Id, a.Id);
        Assert.Equal(a.StatusQueryGetUri, first.Headers.Location);
        await ProblemAssert.InvalidAsync(badKey, "idempotencyKey");
        await ProblemAssert.InvalidAsync(unknownParam, "force");
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(a.Id)).Status);
        var details = JsonDocument.Parse(await host.Api.GetStringAsync(new Uri($"/api/jobs/{a.Id}/details", UriKind.Relative))).RootElement;
        Assert.Equal(key, details.GetProperty("idempotencyKey").GetString());
        Assert.Equal("16:9", details.GetProperty("request").GetProperty("params").GetProperty("aspect_ratio").GetString());
    }

    [Fact]
    public async Task PurgeJobs_FinishedAndRunning_DeletesOnlyFinishedOnesBeforeTheDate()
    {
        await using var host = await env.StartHostAsync();
        var done = await host.StartJobAsync("""{"kind":"text","provider":"cosmic","params":{"prompt":"purge me"}}""");
        var waiting = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"keep me [sim:queued=600000]"}}""");
        await host.WaitForJobAsync(done.Id);
        await host.WaitForJobAsync(waiting.Id, j => j.Status == JobStatus.Running);
        var before = DateTimeOffset.UtcNow;

        using var missing = await host.Api.PostAsync(new Uri("/api/jobs/purge", UriKind.Relative), null);
        using var future = await host.Api.PostAsync(new Uri($"/api/jobs/purge?createdBefore={Uri.EscapeDataString(before.AddDays(1).ToString("O"))}", UriKind.Relative), null);
        using var noZone = await host.Api.PostAsync(new Uri("/api/jobs/purge?createdBefore=2020-01-01T00:00:00", UriKind.Relative), null);
        Assert.NotNull(await host.GetJobAsync(done.Id));
        using var purged = await host.Api.PostAsync(new Uri($"/api/jobs/purge?createdBefore={Uri.EscapeDataString(before.ToString("O"))}", UriKind.Relative), null);

        await ProblemAssert.InvalidAsync(missing, "createdBefore");
        await ProblemAssert.InvalidAsync(future, "createdBefore");
        await ProblemAssert.InvalidAsync(noZone, "createdBefore");
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        var result = JsonDocument.Parse(await purged.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, result.GetProperty("purged").GetInt32());
        Assert.True(result.GetProperty("complete").GetBoolean());
        Assert.Null(await host.GetJobAsync(done.Id));
        Assert.Equal(JobStatus.Running, (await host.GetJobAsync(waiting.Id))!.Status);
        await host.Api.PostAsync(new Uri($"/api/jobs/{waiting.Id}/cancel", UriKind.Relative), null);
    }

    [Fact]
    public async Task ListJobs_KindProviderAndText_FilterTheList()
    {
        await using var host = await env.StartHostAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var text = await host.StartJobAsync($$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"a poem"},"idempotencyKey":"poem-{{{tag}}}"}""");
        var comet = await host.StartJobAsync("""{"kind":"image","provider":"comet","params":{"prompt":"a boat"}}""");
        var cosmic = await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"a kite"}}""");

        async Task<List<string>> ListAsync(string query)
        {
            var page = await host.Api.GetFromJsonAsync<JobPage>(new Uri("/api/jobs?" + query, UriKind.Relative), JobJson.Options);
            return [.. page!.Jobs.Select(j => j.Id)];
        }

        Assert.Equal([text.Id], await ListAsync("kind=text"));
        Assert.Equal([comet.Id], await ListAsync("provider=comet"));
        Assert.Equal([cosmic.Id], await ListAsync("kind=image&provider=cosmic"));
        Assert.Equal(new[] { comet.Id, cosmic.Id }.Order(), (await ListAsync("kind=image,text&provider=comet&provider=cosmic")).Where(id => id != text.Id).Order());
        Assert.Equal([text.Id], await ListAsync($"q=POEM-{tag[..6]}"));
        // Part of the id's random tail: its start is the owner prefix and "job-", which every job of the caller shares.
        Assert.Equal([comet.Id], await ListAsync($"q={comet.Id[^24..^8]}"));
        using var badKind = await host.Api.GetAsync(new Uri("/api/jobs?kind=painting", UriKind.Relative));
        using var badProvider = await host.Api.GetAsync(new Uri("/api/jobs?provider=", UriKind.Relative));
        using var twice = await host.Api.GetAsync(new Uri("/api/jobs?q=a&q=b", UriKind.Relative));
        await ProblemAssert.InvalidAsync(badKind, "kind");
        await ProblemAssert.InvalidAsync(badProvider, "provider");
        await ProblemAssert.InvalidAsync(twice, "q");
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
