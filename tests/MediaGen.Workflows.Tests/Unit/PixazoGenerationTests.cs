using System.Text.Json;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask.Client;
using MediaGen.Workflows.Tests.Support;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class PixazoGenerationTests : IAsyncLifetime
{
    private InMemoryWorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await InMemoryWorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pixazo_WebhookReportsCompleted_CompletesWithoutPollingAndCopiesEveryOutput()
    {
        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage(images: 2));
        await WaitingAsync(started.Id);

        var result = await PostWebhookAsync(started.Id, Completed($"req-{started.Id}-1", 2));
        var done = await _host.RunUntilAsync(started.Id, i => i.IsCompleted, advanceClock: false);

        Assert.Equal(PixazoWebhookResult.Accepted, result);
        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal(2, job.Result!.Items.Count);
        Assert.Empty(_host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id));
        Assert.Equal(2, _host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id).Count);
        Assert.Equal(1, Progress(done).GetProperty("webhooks").GetInt32());
    }

    [Fact]
    public async Task Pixazo_WebhookNeverArrives_PollsWithBackoffFrom5sCappedAt30sUntilCompleted()
    {
        _host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 6
            ? new PixazoStatusReport(requestId, PixazoStatus.Processing, null, [], null)
            : Completed(requestId, 1));

        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await _host.CompleteAsync(started.Id);

        var submitAt = _host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id).Single().At;
        var polls = _host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Select(c => c.At).Prepend(submitAt).ToList();
        var waits = polls.Zip(polls.Skip(1), (a, b) => (int)Math.Round((b - a).TotalSeconds)).ToList();
        Assert.Equal([5, 10, 20, 30, 30, 30], waits);
        Assert.Equal(JobStatus.Completed, (await _host.Jobs.GetJobAsync(started.Id))!.Status);
    }

    [Fact]
    public async Task Pixazo_WebhookArrivesBeforeTheJobWaits_IsBufferedAndCompletesTheJob()
    {
        var jobs = _host.Jobs;
        _host.Fakes.Submit = (jobId, input) =>
        {
            // Pixazo calls back before the submit answer has even reached the orchestration.
            var requestId = $"req-{jobId}-{input.Submission}";
            var secret = SecretOf(jobs.GetPixazoWebhookUrl(jobId)!);
            var accepted = jobs.ReceivePixazoWebhookAsync(jobId, secret, Body(Completed(requestId, 1))).GetAwaiter().GetResult();
            Assert.Equal(PixazoWebhookResult.Accepted, accepted);
            return new PixazoSubmitOutput(new PixazoStatusReport(requestId, PixazoStatus.Queued, null, [], null));
        };

        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await _host.RunUntilAsync(started.Id, i => i.IsCompleted, advanceClock: false);

        Assert.Equal(JobStatus.Completed, (await _host.Jobs.GetJobAsync(started.Id))!.Status);
        Assert.Empty(_host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id));
    }

    [Fact]
    public async Task Pixazo_DuplicateWebhooksAndAPollAllReportCompleted_CompletesOnceAndCopiesOnce()
    {
        _host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(Completed(requestId, 1));
        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(started.Id);
        var report = Completed($"req-{started.Id}-1", 1);

        await PostWebhookAsync(started.Id, report);
        await PostWebhookAsync(started.Id, report);
        await _host.CompleteAsync(started.Id);
        var before = await _host.Jobs.GetJobAsync(started.Id);
        var late = await PostWebhookAsync(started.Id, report);

        Assert.Equal(PixazoWebhookResult.Accepted, late);
        Assert.Single(_host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
        Assert.Single(_host.Fakes.Published);
        var after = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Completed, before!.UpdatedAt), (after!.Status, after.UpdatedAt));
    }

    [Fact]
    public async Task Pixazo_ErrorThenCompleted_ResubmitsOnceAndCompletes()
    {
        _host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(requestId.EndsWith("-1", StringComparison.Ordinal)
            ? new PixazoStatusReport(requestId, PixazoStatus.Error, "GPU fault", [], null)
            : Completed(requestId, 1));

        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        var done = await _host.CompleteAsync(started.Id);

        var submissions = _host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id).Select(c => ((PixazoSubmitInput)c.Input!).Submission);
        Assert.Equal([1, 2], submissions);
        Assert.Equal(JobStatus.Completed, (await _host.Jobs.GetJobAsync(started.Id))!.Status);
        Assert.Equal(2, Progress(done).GetProperty("submission").GetInt32());
    }

    [Fact]
    public async Task Pixazo_ErrorOnEverySubmission_FailsAfterThreeWithSystemError()
    {
        _host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(new PixazoStatusReport(requestId, PixazoStatus.Error, "GPU fault", [], null));

        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await _host.CompleteAsync(started.Id);

        Assert.Equal(3, _host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id).Count);
        Assert.Equal("system_error", (await _host.Jobs.GetJobAsync(started.Id))!.Error!.Type);
    }

    [Fact]
    public async Task Pixazo_Failed_IsFinalAndNeverResubmitted()
    {
        _host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(new PixazoStatusReport(requestId, PixazoStatus.Failed, "NSFW", [], null));

        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await _host.CompleteAsync(started.Id);

        Assert.Single(_host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id));
        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Failed, "generation_failed"), (job!.Status, job.Error!.Type));
        Assert.Contains("NSFW", job.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pixazo_SubmitAnswers500_IsNotRetriedBecauseItMayHaveBought()
    {
        _host.Fakes.Submit = (_, _) => new PixazoSubmitOutput(null, Failure: new StepFailure("provider_unavailable", "500", Retryable: true, HttpStatus: 500));

        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await _host.CompleteAsync(started.Id);

        Assert.Single(_host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id));
        Assert.Equal(JobStatus.Failed, (await _host.Jobs.GetJobAsync(started.Id))!.Status);
    }

    [Fact]
    public async Task Pixazo_NeverFinishes_DeadlineEndsItFailedWithTimeoutAndPollingStops()
    {
        var deadline = _host.Clock.GetUtcNow().AddMinutes(3);
        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage(deadline: deadline));
        await _host.CompleteAsync(started.Id);
        _host.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(200);

        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Failed, "timeout"), (job!.Status, job.Error!.Type));
        Assert.All(_host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id), poll => Assert.True(poll.At <= deadline));
    }

    [Fact]
    public async Task Pixazo_CanceledWhileWaiting_EndsCanceledAndPollingStops()
    {
        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await _host.RunUntilAsync(started.Id, i => Progress(i).TryGetProperty("polls", out var p) && p.GetInt32() >= 2, advanceClock: true);

        var result = await _host.Jobs.CancelJobAsync(started.Id, "no longer needed");
        await _host.CompleteAsync(started.Id);
        var polls = _host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Count;
        _host.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(200);

        Assert.Equal(JobCancelResult.CancelRequested, result);
        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Canceled, "no longer needed"), (job!.Status, job.Error!.Message));
        Assert.Equal(polls, _host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Count);
        Assert.Equal(JobStatus.Canceled, Assert.Single(_host.Fakes.Published).Status);
        Assert.Equal(JobCancelResult.AlreadyFinished, await _host.Jobs.CancelJobAsync(started.Id));
    }

    [Fact]
    public async Task Webhook_WrongSecretUnknownJobOrBadBody_IsRejectedAndChangesNothing()
    {
        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        var waiting = await WaitingAsync(started.Id);
        var body = Body(Completed($"req-{started.Id}-1", 1));
        var secret = SecretOf(_host.Jobs.GetPixazoWebhookUrl(started.Id)!);

        var wrongSecret = await _host.Jobs.ReceivePixazoWebhookAsync(started.Id, secret[..^2] + "AA", body);
        var noSecret = await _host.Jobs.ReceivePixazoWebhookAsync(started.Id, null, body);
        var otherJobsSecret = await _host.Jobs.ReceivePixazoWebhookAsync(started.Id, SecretOf(_host.Jobs.GetPixazoWebhookUrl("job-other")!), body);
        var unknown = await _host.Jobs.ReceivePixazoWebhookAsync("job-other", SecretOf(_host.Jobs.GetPixazoWebhookUrl("job-other")!), body);
        var badBody = await _host.Jobs.ReceivePixazoWebhookAsync(started.Id, secret, "{\"status\":\"COMPLETED\"}"u8.ToArray());
        await Task.Delay(200);

        Assert.Equal(
            [PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.UnknownJob, PixazoWebhookResult.InvalidPayload],
            [wrongSecret, noSecret, otherJobsSecret, unknown, badBody]);
        var now = await _host.Client.GetInstanceAsync(started.Id, true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, now!.RuntimeStatus);
        Assert.Equal(0, Progress(now).GetProperty("webhooks").GetInt32());
        Assert.Equal(waiting.LastUpdatedAt, now.LastUpdatedAt);
    }

    [Fact]
    public void WebhookUrl_ForAJob_FollowsTheDocumentedScheme()
    {
        var url = new Uri(_host.Jobs.GetPixazoWebhookUrl("job-abc")!);

        Assert.Equal("https://mediagen.test/api/webhooks/pixazo/job-abc", url.GetLeftPart(UriPartial.Path));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", SecretOf(url.ToString()));
    }

    private Task<OrchestrationMetadata> WaitingAsync(string id) =>
        _host.RunUntilAsync(id, i => Progress(i).TryGetProperty("phase", out var phase) && phase.GetString() == "waiting", advanceClock: false);

    private Task<PixazoWebhookResult> PostWebhookAsync(string jobId, PixazoStatusReport report) =>
        _host.Jobs.ReceivePixazoWebhookAsync(jobId, SecretOf(_host.Jobs.GetPixazoWebhookUrl(jobId)!), Body(report));

    private static JsonElement Progress(OrchestrationMetadata instance) =>
        JsonDocument.Parse(instance.SerializedCustomStatus ?? "{}").RootElement.Clone();

    private static string SecretOf(string url) => url[(url.IndexOf("secret=", StringComparison.Ordinal) + "secret=".Length)..];

    private static PixazoStatusReport Completed(string requestId, int outputs) =>
        new(requestId, PixazoStatus.Completed, null, [.. Enumerable.Range(0, outputs).Select(i => $"https://cdn.test/{requestId}/{i}.jpg")], "image/jpeg");

    /// <summary>The webhook body as Pixazo sends it.</summary>
    private static byte[] Body(PixazoStatusReport report) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        ["request_id"] = report.RequestId,
        ["status"] = report.Status.ToString().ToUpperInvariant(),
        ["model_id"] = "cosmos-3-super-text-to-image",
        ["error"] = report.Error,
        ["output"] = report.Status == PixazoStatus.Completed ? new Dictionary<string, object?> { ["media_url"] = report.MediaUrls, ["media_type"] = report.MediaType } : null,
    });
}
