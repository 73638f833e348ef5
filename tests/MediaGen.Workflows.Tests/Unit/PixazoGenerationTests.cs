using MediaGen.Workflows.Pixazo;
using static MediaGen.Workflows.Tests.Support.FakePixazo;

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
    public async Task Pixazo_WebhookReportsCompleted_ConfirmsWithOnePollAndCopiesEveryOutput()
    {
        await using var host = await WorkflowTestHost.StartAsync(NoPollingSoon);
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage(images: 2));
        await WaitingAsync(host, started.Id);

        var result = await PostWebhookAsync(host, started.Id, Completed($"req-{started.Id}-1", 2));
        var done = await host.CompleteAsync(started.Id);

        Assert.Equal(PixazoWebhookResult.Accepted, result);
        var job = await host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal(2, job.Result!.Items.Count);
        Assert.Single(host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id));
        Assert.Equal(2, host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id).Count);
        Assert.Equal(1, WorkflowTestHost.Progress(done).GetProperty("webhooks").GetInt32());
        // The confirming poll stored both items: no copy activity of its own.
        Assert.DoesNotContain(host.Episodes.Of(started.Id), e => e.ActivitiesScheduled.Contains(nameof(CopyMediaActivity)));
    }

    [Fact]
    public async Task Pixazo_ACopyInTheConfirmingPollFailsRetryably_OnlyThatItemIsCopiedAgainByACopyActivity()
    {
        await using var host = await WorkflowTestHost.StartAsync(NoPollingSoon);
        // Item 1's first copy (the one the confirming poll makes) fails retryably; every later copy succeeds.
        var defaultCopy = host.Fakes.Copy;
        host.Fakes.Copy = (jobId, input, attempt) => input.Item.ItemIndex == 1 && attempt == 1
            ? new CopyOutput(null, new StepFailure("provider_unavailable", "The CDN did not answer.", Retryable: true))
            : defaultCopy(jobId, input, attempt);
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage(images: 2));
        await WaitingAsync(host, started.Id);

        await PostWebhookAsync(host, started.Id, Completed($"req-{started.Id}-1", 2));
        await host.CompleteAsync(started.Id);

        var job = await host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal([0, 1], job.Result!.Items.Select(i => int.Parse(i.BlobUri.Segments[^1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, host.Episodes.Of(started.Id).SelectMany(e => e.ActivitiesScheduled).Count(a => a == nameof(CopyMediaActivity)));
        var copies = host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id).Select(c => (CopyInput)c.Input!).ToList();
        Assert.Equal([(0, 1), (1, 1), (1, 2)], copies.Select(c => (c.Item.ItemIndex, c.Trace!.Attempt)).Order());
    }

    [Fact]
    public async Task Pixazo_WebhookNeverArrives_PollsWithBackoffDoublingFromTheFirstIntervalUpToTheCap()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 6
            ? Processing(requestId)
            : Completed(requestId, 1));

        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        // PollInitialInterval 20 ms, coefficient 2, PollMaxInterval 120 ms (the defaults' 5 s…30 s, scaled).
        Assert.Equal([20 * Ms, 40 * Ms, 80 * Ms, 120 * Ms, 120 * Ms, 120 * Ms], PollWaits(host, started.Id));
        Assert.Equal(6, host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Count);
        Assert.Equal(JobStatus.Completed, (await host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
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

        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Equal([PixazoWebhookResult.Accepted], accepted);
        Assert.Equal(JobStatus.Completed, (await host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
        Assert.Single(host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id)); // the webhook's confirmation
    }

    [Fact]
    public async Task Pixazo_ForgedCompletedAndFailedWebhooks_ChangeNothingAndTheProvidersAnswerWins()
    {
        await using var host = await WorkflowTestHost.StartAsync(NoPollingSoon);
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(host, started.Id);
        var requestId = $"req-{started.Id}-1";

        // Someone holding the webhook URL reports outcomes Pixazo never reached (its status stays PROCESSING).
        var forged = new[]
        {
            await ForgeWebhookAsync(host, started.Id, new PixazoStatusReport(requestId, PixazoStatus.Completed, null, ["https://forged.test/fake.jpg"], "image/jpeg")),
            await ForgeWebhookAsync(host, started.Id, new PixazoStatusReport(requestId, PixazoStatus.Failed, "forged failure", [], null)),
        };
        var confirmed = await host.WaitForAsync(started.Id, i => WorkflowTestHost.Progress(i).GetProperty("polls").GetInt32() == 2);

        Assert.Equal([PixazoWebhookResult.Accepted, PixazoWebhookResult.Accepted], forged);
        Assert.Equal(OrchestrationRuntimeStatus.Running, confirmed.RuntimeStatus);
        Assert.Equal("PROCESSING", WorkflowTestHost.Progress(confirmed).GetProperty("providerStatus").GetString());
        Assert.Empty(host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));

        // Pixazo's own COMPLETED ends it, with Pixazo's outputs only.
        await PostWebhookAsync(host, started.Id, Completed(requestId, 1));
        await host.CompleteAsync(started.Id);

        var job = await host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        var copied = Assert.Single(host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
        Assert.Equal($"https://cdn.test/{requestId}/0.jpg", ((CopyInput)copied.Input!).Item.Source);
        Assert.Equal(3, host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Count);
    }

    [Fact]
    public async Task Pixazo_WebhooksConfirmingPollFails_KeepsWaitingAndTheNextPollDecides()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var failedConfirmation = 0;
        host.Fakes.PollAsync = (requestId, _) =>
        {
            if (!host.Fakes.PixazoHolds.TryGetValue(requestId, out var held))
            {
                return Task.FromResult(new PixazoPollOutput(Processing(requestId)));
            }

            // The first poll after Pixazo's webhook cannot reach Pixazo: the job must not take the webhook's word for it.
            return Task.FromResult(Interlocked.Increment(ref failedConfirmation) == 1
                ? new PixazoPollOutput(null, new StepFailure("provider_unavailable", "Pixazo did not answer.", Retryable: true))
                : new PixazoPollOutput(held));
        };
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(host, started.Id);

        await PostWebhookAsync(host, started.Id, Completed($"req-{started.Id}-1", 1));
        await host.CompleteAsync(started.Id);

        // Had the job taken the webhook's word when its confirmation failed, Pixazo would have been asked only once.
        Assert.Equal(JobStatus.Completed, (await host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
        Assert.Equal(2, failedConfirmation);
    }

    [Fact]
    public async Task Pixazo_DuplicateWebhooksAndAPollAllReportCompleted_CompletesOnceAndCopiesOnce()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(Completed(requestId, 1));
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        // Submitted: waiting, or already past it (the poll, due soon, may report COMPLETED before this test looks).
        await SubmittedAsync(host, started.Id);
        var report = Completed($"req-{started.Id}-1", 1);

        await PostWebhookAsync(host, started.Id, report);
        await PostWebhookAsync(host, started.Id, report);
        var before = await host.CompleteAsync(started.Id);
        var late = await PostWebhookAsync(host, started.Id, report);

        Assert.Equal(PixazoWebhookResult.Accepted, late);
        Assert.Single(host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
        Assert.Single(host.Fakes.Published);

        // The outcome stands. (Not UpdatedAt: the test host runs one more no-op episode when a duplicate arrived while the
        // last episode ran, which stamps the instance again without changing it.)
        var after = await host.Client.GetInstanceAsync(started.Id, getInputsAndOutputs: true);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, before.SerializedOutput), (after!.RuntimeStatus, after.SerializedOutput));
        Assert.Equal(JobStatus.Completed, (await host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
    }

    [Fact]
    public async Task Pixazo_ErrorThenCompleted_ResubmitsOnceAndCompletes()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(requestId.EndsWith("-1", StringComparison.Ordinal)
            ? new PixazoStatusReport(requestId, PixazoStatus.Error, "GPU fault", [], null)
            : Completed(requestId, 1));

        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        var done = await host.CompleteAsync(started.Id);

        var submissions = host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id).Select(c => ((PixazoSubmitInput)c.Input!).Submission);
        Assert.Equal([1, 2], submissions);
        Assert.Equal(JobStatus.Completed, (await host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
        Assert.Equal(2, WorkflowTestHost.Progress(done).GetProperty("submission").GetInt32());
    }

    [Fact]
    public async Task Pixazo_ErrorOnEverySubmission_FailsAfterThreeWithSystemError()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(new PixazoStatusReport(requestId, PixazoStatus.Error, "GPU fault", [], null));

        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Equal(3, host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id).Count);
        Assert.Equal("system_error", (await host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Error!.Type);
    }

    [Fact]
    public async Task Pixazo_Failed_IsFinalAndNeverResubmitted()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Poll = (requestId, _) => new PixazoPollOutput(new PixazoStatusReport(requestId, PixazoStatus.Failed, "NSFW", [], null));

        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Single(host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id));
        var job = await host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Failed, "generation_failed"), (job!.Status, job.Error!.Type));
        Assert.Contains("NSFW", job.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pixazo_SubmitAnswers500_IsNotRetriedBecauseItMayHaveBought()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        host.Fakes.Submit = (_, _) => new PixazoSubmitOutput(null, Failure: new StepFailure("provider_unavailable", "500", Retryable: true, HttpStatus: 500));

        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await host.CompleteAsync(started.Id);

        Assert.Single(host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id));
        Assert.Equal(JobStatus.Failed, (await host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
    }

    [Fact]
    public async Task Pixazo_NeverFinishes_DeadlineEndsItFailedWithTimeoutAndPollingStops()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        await host.WarmUpAsync();
        var deadline = DateTimeOffset.UtcNow.AddMilliseconds(500);
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage(deadline: deadline));
        await host.CompleteAsync(started.Id);

        var job = await host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Failed, "timeout"), (job!.Status, job.Error!.Type));
        var episodes = host.Episodes.Of(started.Id);
        var due = deadline.UtcDateTime;
        if (episodes[0].StartedAt < due)
        {
            // No wait goes past the deadline (the last poll wait is cut short there), and no poll starts once it has passed.
            Assert.All(episodes.SelectMany(e => e.TimersFireAt), fireAt => Assert.True(fireAt <= due, "no wait past the deadline"));
            Assert.True(episodes[^1].StartedAt >= due, "the job ended at its deadline, not before");
            Assert.DoesNotContain(episodes, e => e.StartedAt >= due && e.ActivitiesScheduled.Contains(nameof(PixazoPollActivity)));
        }
        else
        {
            // The machine was so slow that the deadline had passed when the job started: it ended without waiting.
            Assert.Empty(host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id));
        }
    }

    [Fact]
    public async Task Pixazo_CanceledWhileWaiting_EndsCanceledAndPollingStops()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await host.WaitForAsync(started.Id, i => WorkflowTestHost.Progress(i).TryGetProperty("polls", out var p) && p.GetInt32() >= 2);

        var result = await host.Commands.CancelJobAsync(started.Id, JobAccess.Everything, "no longer needed");
        await host.CompleteAsync(started.Id);

        Assert.Equal(JobCancelResult.CancelRequested, result);
        var job = await host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Canceled, "no longer needed"), (job!.Status, job.Error!.Message));
        var episodes = host.Episodes.Of(started.Id);
        var canceled = LastIndexOf(episodes, e => e.EventsReceived.Contains(WorkflowEvents.Cancel));
        Assert.True(canceled >= 0, "the cancel arrived");
        Assert.True(LastIndexOf(episodes, e => e.ActivitiesScheduled.Contains(nameof(PixazoPollActivity))) <= canceled, "no poll after the cancel arrived");
        Assert.Equal(JobStatus.Canceled, Assert.Single(host.Fakes.Published).Status);
        Assert.Equal(JobCancelResult.AlreadyFinished, await host.Commands.CancelJobAsync(started.Id, JobAccess.Everything));
    }

    [Fact]
    public async Task Webhook_WrongSecretUnknownJobOrBadBody_IsRejectedAndChangesNothing()
    {
        await using var host = await WorkflowTestHost.StartAsync(NoPollingSoon);
        var started = await host.Starter.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(host, started.Id);
        var body = Body(Completed($"req-{started.Id}-1", 1));
        var secret = SecretOf(host.Webhooks.UrlFor(started.Id)!);

        var wrongSecret = await host.Webhooks.ReceiveAsync(started.Id, secret[..^2] + "AA", body);
        var noSecret = await host.Webhooks.ReceiveAsync(started.Id, null, body);
        var otherJobsSecret = await host.Webhooks.ReceiveAsync(started.Id, SecretOf(host.Webhooks.UrlFor("job-other")!), body);
        var unknown = await host.Webhooks.ReceiveAsync("job-other", SecretOf(host.Webhooks.UrlFor("job-other")!), body);
        var badBody = await host.Webhooks.ReceiveAsync(started.Id, secret, "{\"status\":\"COMPLETED\"}"u8.ToArray());

        // A valid webhook after them: the job sees events in the order they were raised, so it proves none came before.
        var valid = await host.Webhooks.ReceiveAsync(started.Id, secret, body);
        var done = await host.CompleteAsync(started.Id);

        Assert.Equal(
            [PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.InvalidSecret, PixazoWebhookResult.UnknownJob, PixazoWebhookResult.InvalidPayload, PixazoWebhookResult.Accepted],
            [wrongSecret, noSecret, otherJobsSecret, unknown, badBody, valid]);
        Assert.Equal(1, WorkflowTestHost.Progress(done).GetProperty("webhooks").GetInt32());
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
}
