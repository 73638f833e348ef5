using MediaGen.Core.Jobs;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;
using MediaGen.Workflows.Tests.Support;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class SyncGenerationTests : IAsyncLifetime
{
    private InMemoryWorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await InMemoryWorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sync_ProviderAnswers_CompletesWithStoredItemsAndPublishesOnce()
    {
        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage());

        await _host.CompleteAsync(started.Id);

        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal(JobStatus.Completed, job!.Status);
        var item = Assert.Single(job.Result!.Items);
        Assert.Equal($"media-{started.Id}-0", item.ProviderId);
        Assert.Equal("done", job.Progress!.Value.GetProperty("phase").GetString());
        var published = Assert.Single(_host.Fakes.Published);
        Assert.Equal((started.Id, JobStatus.Completed, "job"), (published.Id, published.Status, published.Type));
    }

    [Fact]
    public async Task Sync_RateLimitedWithRetryAfter_WaitsThatLongOnADurableTimerThenCompletes()
    {
        _host.Fakes.Generate = (jobId, input, attempt) => attempt == 1
            ? GenerateOutput.Failed(new StepFailure("rate_limited", "429", Retryable: true, RetryAfter: TimeSpan.FromSeconds(90), HttpStatus: 429))
            : new GenerateOutput([new MediaToCopy(0, "https://cdn.test/a.png", "image/png", "m1")], []);

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var calls = _host.Fakes.CallsOf(nameof(GenerateActivity), started.Id);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(90), $"retried after {calls[1].At - calls[0].At}");
        Assert.Equal(JobStatus.Completed, (await _host.Jobs.GetJobAsync(started.Id))!.Status);
    }

    [Fact]
    public async Task Sync_ContentPolicy_FailsAtOnceWithTheProviderErrorType()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("content_policy", "No videos generated", Retryable: false));

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal(JobStatus.Failed, job!.Status);
        Assert.Equal("content_policy", job.Error!.Type);
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id));
    }

    [Fact]
    public async Task Sync_PaidVideoCallAnswers500_IsNotRetriedSoNothingIsBoughtTwice()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("provider_unavailable", "500", Retryable: true, HttpStatus: 500));

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicVideo());
        await _host.CompleteAsync(started.Id);

        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id));
        Assert.Equal("provider_unavailable", (await _host.Jobs.GetJobAsync(started.Id))!.Error!.Type);
    }

    [Fact]
    public async Task Sync_ImageOutageKeepsFailing_StopsAfterMaxAttempts()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("provider_unavailable", "502", Retryable: true, HttpStatus: 502));

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        Assert.Equal(4, _host.Fakes.CallsOf(nameof(GenerateActivity), started.Id).Count);
        Assert.Equal(JobStatus.Failed, (await _host.Jobs.GetJobAsync(started.Id))!.Status);
    }

    [Fact]
    public async Task Sync_OneCopyFailsTransiently_RetriesOnlyThatItem()
    {
        _host.Fakes.Generate = (_, _, _) => new GenerateOutput(
            [new MediaToCopy(0, "https://cdn.test/0.png", "image/png", "a"), new MediaToCopy(1, "https://cdn.test/1.png", "image/png", "b")], []);
        var copy = _host.Fakes.Copy;
        _host.Fakes.Copy = (jobId, input, attempt) => input.Item.ItemIndex == 1 && attempt == 1
            ? new CopyOutput(null, new StepFailure("source_failed", "503 from the CDN", Retryable: true, HttpStatus: 503))
            : copy(jobId, input, attempt);

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var copies = _host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id).Select(c => ((CopyInput)c.Input!).Item.ItemIndex).ToList();
        Assert.Equal(1, copies.Count(i => i == 0));
        Assert.Equal(2, copies.Count(i => i == 1));
        Assert.Equal(2, (await _host.Jobs.GetJobAsync(started.Id))!.Result!.Items.Count);
    }

    [Fact]
    public async Task Sync_CopyBlockedUrl_FailsWithTheCopyErrorAndDoesNotRetry()
    {
        _host.Fakes.Copy = (_, _, _) => new CopyOutput(null, new StepFailure("blocked_url", "10.0.0.1 is not a public address", Retryable: false));

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        Assert.Single(_host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
        Assert.Equal("blocked_url", (await _host.Jobs.GetJobAsync(started.Id))!.Error!.Type);
    }

    [Fact]
    public async Task Sync_ActivityThrowsUnexpectedly_JobFailsWithInternalErrorAndStillNotifies()
    {
        _host.Fakes.Generate = (_, _, _) => throw new InvalidOperationException("bug");

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal(("internal_error", JobStatus.Failed), (job!.Error!.Type, job.Status));
        Assert.Single(_host.Fakes.Published);
    }

    [Fact]
    public async Task Sync_CallbackRejectedTwice_RetriedWithTheSameDeliveryIdWithBackoff()
    {
        _host.Fakes.CallbackAcknowledged = attempt => attempt >= 3;

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage(callbackUrl: "https://receiver.example/hooks/mediagen"));
        var done = await _host.CompleteAsync(started.Id);

        var attempts = _host.Fakes.CallsOf(nameof(SendCallbackActivity), started.Id);
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => ((CallbackInput)a.Input!).DeliveryId).Distinct());
        Assert.True(attempts[2].At - attempts[1].At > attempts[1].At - attempts[0].At, "the wait between attempts grows");
        Assert.Null(done.ReadOutputAs<JobOutcome>()!.NotificationError);
    }

    [Fact]
    public async Task Sync_CallbackNeverAcknowledged_JobStillCompletesAndReportsTheDeliveryProblem()
    {
        _host.Fakes.CallbackAcknowledged = _ => false;

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage(callbackUrl: "https://receiver.example/hooks/mediagen"));
        var done = await _host.CompleteAsync(started.Id);

        Assert.Equal(6, _host.Fakes.CallsOf(nameof(SendCallbackActivity), started.Id).Count);
        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(JobStatus.Completed, outcome.Status);
        Assert.StartsWith("callback:", outcome.NotificationError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_RetryAfterBeyondDeadline_FailsWithTheProviderErrorWithoutWaiting()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("rate_limited", "429", Retryable: true, RetryAfter: TimeSpan.FromMinutes(10), HttpStatus: 429));

        var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage(deadline: _host.Clock.GetUtcNow().AddMinutes(2)));
        await _host.CompleteAsync(started.Id);

        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Failed, "rate_limited"), (job!.Status, job.Error!.Type));
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id));
    }
}
