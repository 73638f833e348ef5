using System.Text.Json;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;
using MediaGen.Workflows.Pixazo;
using MediaGen.Workflows.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class PixazoGenerationTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    /// <summary>Polls so rare that a test posting webhooks is never raced by one.</summary>
    private static readonly Dictionary<string, string?> NoPollingSoon = new()
    {
        ["Workflows:PollInitialInterval"] = "00:05:00",
        ["Workflows:PollMaxInterval"] = "00:05:00",
    };

    [Fact]
    public async Task Pixazo_WebhookReportsCompleted_CompletesWithoutPollingAndCopiesEveryOutput()
    {
        await using var host = await WorkflowTestHost.StartAsync(NoPollingSoon);
        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage(images: 2));
        await WaitingAsync(host, started.Id);

        var result = await PostWebhookAsync(host, started.Id, Completed($"req-{started.Id}-1", 2));
        var done = await host.CompleteAsync(started.Id);

        Assert.Equal(PixazoWebhookResult.Accepted, result);
        var job = await host.Jobs.GetJobAsync(started.Id);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal(2, job.Result!.Items.Count);
        Assert.Empty(host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id));
        Assert.Equal(2, host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id).Count);
        Assert.Equal(1, Progress(done).GetProperty("webhooks").GetInt32());
    }

    [Fact]
    public async Task Pixazo_WebhookNeverArrives_PollsWithBackoffDoublingFromTheFirstIntervalUpToTheCap()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 6
            ? new PixazoStatusReport(requestId, PixazoStatus.Processing, null, [], null)
            : Completed(requestId, 1));

        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        // PollInitialInterval 20 ms, coefficient 2, PollMaxInterval 120 ms (the defaults' 5 s…30 s, scaled).
        Assert.Equal([20 * Ms, 40 * Ms, 80 * Ms, 120 * Ms, 120 * Ms, 120 * Ms], PollWaits(host, started.Id));
        Assert.Equal(6, host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Count);
        Assert.Equal(JobStatus.Completed, (await host.Jobs.GetJobAsync(started.Id))!.Status);
    }

    [Fact]
    public async Task Pixazo_WebhookArrivesBeforeTheJobWaits_IsBufferedAndCompletesTheJob()
    {
        await using var host = await WorkflowTestHost.StartAsync(NoPollingSoon);
        var accepted = new List<PixazoWebhookResult>();
        host.Fakes.SubmitAsync = async (jobId, input) =>
        {
            // Pixazo calls back before the submit answer has even reached the orchestration.
            var requestId = $"req-{jobId}-{input.Submission}";
            accepted.Add(await PostWebhookAsync(host, jobId, Completed(requestId, 1)));
            return new PixazoSubmitOutput(new PixazoStatusReport(requestId, PixazoStatus.Queued, null, [], null));
        };

        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Equal([PixazoWebhookResult.Accepted], accepted);
        Assert.Equal(JobStatus.Completed, (await host.Jobs.GetJobAsync(started.Id))!.Status);
        Assert.Empty(host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id));
    }

    [Fact]
    public async Task Pixazo_DuplicateWebhooksAndAPollAllReportCompleted_CompletesOnceAndCopiesOnce()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(Completed(requestId, 1));
        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(host, started.Id);
        var report = Completed($"req-{started.Id}-1", 1);

        await PostWebhookAsync(host, started.Id, report);
        await PostWebhookAsync(host, started.Id, report);
        await host.CompleteAsync(started.Id);
        var before = await host.Jobs.GetJobAsync(started.Id);
        var late = await PostWebhookAsync(host, started.Id, report);

        Assert.Equal(PixazoWebhookResult.Accepted, late);
        Assert.Single(host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
        Assert.Single(host.Fakes.Published);
        var after = await host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Completed, before!.UpdatedAt), (after!.Status, after.UpdatedAt));
    }

    [Fact]
    public async Task Pixazo_ErrorThenCompleted_ResubmitsOnceAndCompletes()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(requestId.EndsWith("-1", StringComparison.Ordinal)
            ? new PixazoStatusReport(requestId, PixazoStatus.Error, "GPU fault", [], null)
            : Completed(requestId, 1));

        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        var done = await host.CompleteAsync(started.Id);

        var submissions = host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id).Select(c => ((PixazoSubmitInput)c.Input!).Submission);
        Assert.Equal([1, 2], submissions);
        Assert.Equal(JobStatus.Completed, (await host.Jobs.GetJobAsync(started.Id))!.Status);
        Assert.Equal(2, Progress(done).GetProperty("submission").GetInt32());
    }

    [Fact]
    public async Task Pixazo_ErrorOnEverySubmission_FailsAfterThreeWithSystemError()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(new PixazoStatusReport(requestId, PixazoStatus.Error, "GPU fault", [], null));

        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Equal(3, host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id).Count);
        Assert.Equal("system_error", (await host.Jobs.GetJobAsync(started.Id))!.Error!.Type);
    }

    [Fact]
    public async Task Pixazo_Failed_IsFinalAndNeverResubmitted()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(new PixazoStatusReport(requestId, PixazoStatus.Failed, "NSFW", [], null));

        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Single(host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id));
        var job = await host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Failed, "generation_failed"), (job!.Status, job.Error!.Type));
        Assert.Contains("NSFW", job.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pixazo_SubmitAnswers500_IsNotRetriedBecauseItMayHaveBought()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Submit = (_, _) => new PixazoSubmitOutput(null, Failure: new StepFailure("provider_unavailable", "500", Retryable: true, HttpStatus: 500));

        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Single(host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id));
        Assert.Equal(JobStatus.Failed, (await host.Jobs.GetJobAsync(started.Id))!.Status);
    }

    [Fact]
    public async Task Pixazo_NeverFinishes_DeadlineEndsItFailedWithTimeoutAndPollingStops()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var deadline = DateTimeOffset.UtcNow.AddMilliseconds(500);
        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage(deadline: deadline));
        await host.CompleteAsync(started.Id);

        var job = await host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Failed, "timeout"), (job!.Status, job.Error!.Type));
        var episodes = host.Episodes.Of(started.Id);
        Assert.Equal(deadline.UtcDateTime, episodes[0].TimersFireAt.First());
        var expired = LastIndexOf(episodes, e => e.NewEvents.Any(n => n.TimerFired?.FireAt.ToDateTime() == deadline.UtcDateTime));
        Assert.True(expired >= 0, "the deadline timer fired");
        Assert.True(LastIndexOf(episodes, e => e.ActivitiesScheduled.Contains(nameof(PixazoPollActivity))) <= expired, "no poll after the deadline");
        Assert.NotEmpty(host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id));
    }

    [Fact]
    public async Task Pixazo_CanceledWhileWaiting_EndsCanceledAndPollingStops()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await host.WaitForAsync(started.Id, i => Progress(i).TryGetProperty("polls", out var p) && p.GetInt32() >= 2);

        var result = await host.Jobs.CancelJobAsync(started.Id, "no longer needed");
        await host.CompleteAsync(started.Id);

        Assert.Equal(JobCancelResult.CancelRequested, result);
        var job = await host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Canceled, "no longer needed"), (job!.Status, job.Error!.Message));
        var episodes = host.Episodes.Of(started.Id);
        var canceled = LastIndexOf(episodes, e => e.EventsReceived.Contains(WorkflowEvents.Cancel));
        Assert.True(canceled >= 0, "the cancel arrived");
        Assert.True(LastIndexOf(episodes, e => e.ActivitiesScheduled.Contains(nameof(PixazoPollActivity))) <= canceled, "no poll after the cancel arrived");
        Assert.Equal(JobStatus.Canceled, Assert.Single(host.Fakes.Published).Status);
        Assert.Equal(JobCancelResult.AlreadyFinished, await host.Jobs.CancelJobAsync(started.Id));
    }

    [Fact]
    public async Task Webhook_WrongSecretUnknownJobOrBadBody_IsRejectedAndChangesNothing()
    {
        await using var host = await WorkflowTestHost.StartAsync(NoPollingSoon);
        var started = await host.Jobs.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(host, started.Id);
        var body = Body(Completed($"req-{started.Id}-1", 1));
        var secret = SecretOf(host.Jobs.GetPixazoWebhookUrl(started.Id)!);

        var wrongSecret = await host.Jobs.ReceivePixazoWebhookAsync(started.Id, secret[..^2] + "AA", body);
        var noSecret = await host.Jobs.ReceivePixazoWebhookAsync(started.Id, null, body);
        var otherJobsSecret = await host.Jobs.ReceivePixazoWebhookAsync(started.Id, SecretOf(host.Jobs.GetPixazoWebhookUrl("job-other")!), body);
        var unknown = await host.Jobs.ReceivePixazoWebhookAsync("job-other", SecretOf(host.Jobs.GetPixazoWebhookUrl("job-other")!), body);
        var badBody = await host.Jobs.ReceivePixazoWebhookAsync(started.Id, secret, "{\"status\":\"COMPLETED\"}"u8.ToArray());

        // A valid webhook after them: the job sees events in the order they were raised, so it proves none came before.
        var valid = await host.Jobs.ReceivePixazoWebhookAsync(started.Id, secret, body);
        var done = await host.CompleteAsync(started.Id);

        Assert.Equal(
            [PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.UnknownJob, PixazoWebhookResult.InvalidPayload, PixazoWebhookResult.Accepted],
            [wrongSecret, noSecret, otherJobsSecret, unknown, badBody, valid]);
        Assert.Equal(1, Progress(done).GetProperty("webhooks").GetInt32());
        Assert.Single(host.Episodes.Of(started.Id).SelectMany(e => e.EventsReceived));
        Assert.Null(await host.Client.GetInstanceAsync("job-other"));
    }

    [Fact]
    public void WebhookUrl_ForAJob_FollowsTheDocumentedScheme()
    {
        var webhooks = new PixazoWebhooks(Options.Create(new WorkflowOptions { PublicBaseUrl = "https://mediagen.test", WebhookSigningKey = WorkflowTestHost.WebhookKey }));

        var url = new Uri(webhooks.UrlFor("job-abc")!);

        Assert.Equal("https://mediagen.test/api/webhooks/pixazo/job-abc", url.GetLeftPart(UriPartial.Path));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", SecretOf(url.ToString()));
    }

    internal static Task<OrchestrationMetadata> WaitingAsync(WorkflowTestHost host, string id) =>
        host.WaitForAsync(id, i => Progress(i).TryGetProperty("phase", out var phase) && phase.GetString() == "waiting");

    internal static Task<PixazoWebhookResult> PostWebhookAsync(WorkflowTestHost host, string jobId, PixazoStatusReport report) =>
        host.Jobs.ReceivePixazoWebhookAsync(jobId, SecretOf(host.Jobs.GetPixazoWebhookUrl(jobId)!), Body(report));

    /// <summary>The poll waits the job asked for, exactly (durable time, from its episodes).</summary>
    internal static List<TimeSpan> PollWaits(WorkflowTestHost host, string jobId) =>
        [.. host.Episodes.Of(jobId).Where(e => e.Phase == "waiting").SelectMany(e => e.AnnouncedWaits)];

    internal static JsonElement Progress(OrchestrationMetadata instance) =>
        JsonDocument.Parse(instance.SerializedCustomStatus ?? "{}").RootElement.Clone();

    internal static PixazoStatusReport Completed(string requestId, int outputs) =>
        new(requestId, PixazoStatus.Completed, null, [.. Enumerable.Range(0, outputs).Select(i => $"https://cdn.test/{requestId}/{i}.jpg")], "image/jpeg");

    private static int LastIndexOf(IReadOnlyList<Episode> episodes, Func<Episode, bool> match)
    {
        for (var i = episodes.Count - 1; i >= 0; i--)
        {
            if (match(episodes[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string SecretOf(string url) => url[(url.IndexOf("secret=", StringComparison.Ordinal) + "secret=".Length)..];

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
