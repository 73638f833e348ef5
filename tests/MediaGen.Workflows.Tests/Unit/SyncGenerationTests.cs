namespace MediaGen.Workflows.Tests.Unit;

public sealed class SyncGenerationTests : IAsyncLifetime
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sync_ProviderAnswers_CompletesWithStoredItemsAndPublishesOnce()
    {
        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());

        await _host.CompleteAsync(started.Id);

        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        var item = Assert.Single(job.Result!.Items);
        Assert.Equal($"media-{started.Id}-0", item.ProviderId);
        Assert.Equal("done", job.Progress!.Value.GetProperty("phase").GetString());
        var published = Assert.Single(_host.Fakes.Published);
        Assert.Equal((started.Id, JobStatus.Completed, "job"), (published.Id, published.Status, published.Type));

        // The deadline is checked at each step, not kept by a timer: a job that never waits leaves no timer message behind.
        Assert.Empty(_host.Episodes.Of(started.Id).SelectMany(e => e.TimersFireAt));
        // The generate activity copied the media itself: two activities (generate, results queue), no copy activity.
        Assert.Equal([nameof(GenerateActivity), nameof(PublishResultActivity)], _host.Episodes.Of(started.Id).SelectMany(e => e.ActivitiesScheduled));
        Assert.Single(_host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
    }

    [Fact]
    public async Task Sync_RateLimitedWithRetryAfter_WaitsExactlyThatLongOnADurableTimerThenCompletes()
    {
        // Longer than ProviderMaxRetryInterval (100 ms): a provider's Retry-After is honoured as given, not capped.
        var retryAfter = 250 * Ms;
        _host.Fakes.Generate = (jobId, input, attempt) => attempt == 1
            ? GenerateOutput.Failed(new StepFailure("rate_limited", "429", Retryable: true, RetryAfter: retryAfter, HttpStatus: 429))
            : new GenerateOutput([new MediaToCopy(0, "https://cdn.test/a.png", "image/png", "m1")], []);

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        Assert.Equal(2, _host.Fakes.CallsOf(nameof(GenerateActivity), started.Id).Count);
        Assert.Equal([retryAfter], RetryWaits(started.Id));
        Assert.Equal(JobStatus.Completed, (await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
    }

    [Fact]
    public async Task Sync_ContentPolicy_FailsAtOnceWithTheProviderErrorType()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("content_policy", "No videos generated", Retryable: false));

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Failed, job!.Status);
        Assert.Equal("content_policy", job.Error!.Type);
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id));
    }

    [Fact]
    public async Task Sync_PaidVideoCallAnswers500_IsNotRetriedSoNothingIsBoughtTwice()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("provider_unavailable", "500", Retryable: true, HttpStatus: 500));

        var started = await _host.Starter.StartJobAsync(Requests.CosmicVideo());
        await _host.CompleteAsync(started.Id);

        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id));
        Assert.Equal("provider_unavailable", (await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Error!.Type);
    }

    [Fact]
    public async Task Sync_ImageOutageKeepsFailing_StopsAfterMaxAttemptsWithDoublingWaits()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("provider_unavailable", "502", Retryable: true, HttpStatus: 502));

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        Assert.Equal(4, _host.Fakes.CallsOf(nameof(GenerateActivity), started.Id).Count);
        Assert.Equal([10 * Ms, 20 * Ms, 40 * Ms], RetryWaits(started.Id));
        Assert.Equal(JobStatus.Failed, (await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
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

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var copies = _host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id).Select(c => ((CopyInput)c.Input!).Item.ItemIndex).ToList();
        Assert.Equal(1, copies.Count(i => i == 0));
        Assert.Equal(2, copies.Count(i => i == 1));
        Assert.Equal(2, (await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Result!.Items.Count);
    }

    [Fact]
    public async Task Sync_CopyBlockedUrl_FailsWithTheCopyErrorAndDoesNotRetry()
    {
        _host.Fakes.Copy = (_, _, _) => new CopyOutput(null, new StepFailure("blocked_url", "10.0.0.1 is not a public address", Retryable: false));

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        Assert.Single(_host.Fakes.CallsOf(nameof(CopyMediaActivity), started.Id));
        Assert.Equal("blocked_url", (await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Error!.Type);
    }

    [Fact]
    public async Task Sync_ActivityThrowsUnexpectedly_JobFailsWithInternalErrorAndStillNotifies()
    {
        _host.Fakes.Generate = (_, _, _) => throw new InvalidOperationException("bug");

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(started.Id);

        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(("internal_error", JobStatus.Failed), (job!.Error!.Type, job.Status));
        Assert.Single(_host.Fakes.Published);
    }

    [Fact]
    public async Task Sync_CallbackRejectedTwice_RetriedAsDataWithTheSameDeliveryIdAndDoublingWaits()
    {
        _host.Fakes.CallbackAcknowledged = attempt => attempt >= 3;

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage(callbackUrl: "https://receiver.example/hooks/mediagen"));
        var done = await _host.CompleteAsync(started.Id);

        var attempts = _host.Fakes.CallsOf(nameof(SendCallbackActivity), started.Id);
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => ((CallbackInput)a.Input!).DeliveryId).Distinct());
        Assert.Equal([10 * Ms, 20 * Ms], CallbackWaits(started.Id));
        Assert.Null(done.ReadOutputAs<JobOutcome>()!.NotificationError);
    }

    [Fact]
    public async Task Sync_CallbackActivityThrows_RetriedWithTheSameDeliveryId()
    {
        _host.Fakes.Callback = (_, attempt) => attempt == 1 ? throw new HttpRequestException("connection reset") : DeliveryOutput.Delivered;

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage(callbackUrl: "https://receiver.example/hooks/mediagen"));
        var done = await _host.CompleteAsync(started.Id);

        var attempts = _host.Fakes.CallsOf(nameof(SendCallbackActivity), started.Id);
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => ((CallbackInput)a.Input!).DeliveryId).Distinct());
        Assert.Null(done.ReadOutputAs<JobOutcome>()!.NotificationError);
    }

    [Fact]
    public async Task Sync_CallbackNotRetryable_StopsAtOnceAndReportsIt()
    {
        _host.Fakes.Callback = (_, _) => new DeliveryOutput(new StepFailure("not_configured", "No callback signing key.", Retryable: false));

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage(callbackUrl: "https://receiver.example/hooks/mediagen"));
        var done = await _host.CompleteAsync(started.Id);

        Assert.Single(_host.Fakes.CallsOf(nameof(SendCallbackActivity), started.Id));
        Assert.Equal("callback: No callback signing key.", done.ReadOutputAs<JobOutcome>()!.NotificationError);
    }

    [Fact]
    public async Task Sync_CallbackNeverAcknowledged_JobStillCompletesAndReportsTheDeliveryProblem()
    {
        _host.Fakes.CallbackAcknowledged = _ => false;

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage(callbackUrl: "https://receiver.example/hooks/mediagen"));
        var done = await _host.CompleteAsync(started.Id);

        Assert.Equal(6, _host.Fakes.CallsOf(nameof(SendCallbackActivity), started.Id).Count);
        Assert.Equal([10 * Ms, 20 * Ms, 40 * Ms, 80 * Ms, 100 * Ms], CallbackWaits(started.Id));
        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(JobStatus.Completed, outcome.Status);
        Assert.StartsWith("callback:", outcome.NotificationError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_RetryAfterBeyondDeadline_FailsWithTheProviderErrorWithoutWaiting()
    {
        _host.Fakes.Generate = (_, _, _) => GenerateOutput.Failed(new StepFailure("rate_limited", "429", Retryable: true, RetryAfter: TimeSpan.FromMinutes(10), HttpStatus: 429));

        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage(deadline: DateTimeOffset.UtcNow.AddMinutes(2)));
        await _host.CompleteAsync(started.Id);

        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Failed, "rate_limited"), (job!.Status, job.Error!.Type));
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id));
        Assert.Empty(RetryWaits(started.Id));
    }

    /// <summary>The provider retry waits the job asked for, exactly (durable time, from its episodes).</summary>
    private List<TimeSpan> RetryWaits(string jobId) =>
        [.. _host.Episodes.Of(jobId).Where(e => e.Phase == "retrying").SelectMany(e => e.AnnouncedWaits)];

    /// <summary>The waits between callback attempts the job asked for, exactly.</summary>
    private List<TimeSpan> CallbackWaits(string jobId) =>
        [.. _host.Episodes.Of(jobId).Where(e => e.Phase == "notifying").SelectMany(e => e.TimerDelays)];
}
