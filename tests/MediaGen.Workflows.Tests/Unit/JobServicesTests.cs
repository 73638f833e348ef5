using static MediaGen.Workflows.Tests.Support.FakePixazo;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary>The job service's semantics against the real engine client (start, read, list, cancel, webhooks).</summary>
public sealed class JobServicesTests : IAsyncLifetime
{
    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartJob_SameIdempotencyKeyAfterItFinished_SameJobNotRestarted()
    {
        var first = await _host.Starter.StartJobAsync(Requests.CosmicImage(idempotencyKey: "order-42"));
        var finished = await _host.CompleteAsync(first.Id);
        var second = await _host.Starter.StartJobAsync(Requests.CosmicImage("a different prompt", idempotencyKey: "order-42"));

        Assert.Equal((first.Id, false, true), (second.Id, first.AlreadyExisted, second.AlreadyExisted));
        Assert.Equal(JobOwner.PrefixOf(JobOwner.DefaultCaller) + "job-", first.Id[..(JobOwner.PrefixLength + 4)]);

        // A restart would have replaced the instance at once (back to Pending, new input) when the start was accepted.
        var now = await _host.Client.GetInstanceAsync(first.Id, getInputsAndOutputs: true);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, finished.CreatedAt, finished.SerializedInput), (now!.RuntimeStatus, now.CreatedAt, now.SerializedInput));
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity)));
    }

    [Fact]
    public async Task StartJob_SameIdempotencyKeyWhileRunning_SameJobNotRestarted()
    {
        var first = await _host.Starter.StartJobAsync(Requests.PixazoImage(), instanceId: null);
        var keyed = await _host.Starter.StartJobAsync(Requests.Job(JobKind.Image, Core.Providers.ProviderName.Pixazo, """{"prompt":"Dunes"}""", idempotencyKey: "run-1"));
        var running = await WaitingAsync(_host, keyed.Id);

        var again = await _host.Starter.StartJobAsync(Requests.Job(JobKind.Image, Core.Providers.ProviderName.Pixazo, """{"prompt":"Dunes"}""", idempotencyKey: "run-1"));

        Assert.Equal((keyed.Id, true), (again.Id, again.AlreadyExisted));
        var now = await _host.Client.GetInstanceAsync(keyed.Id);
        Assert.Equal((OrchestrationRuntimeStatus.Running, running.CreatedAt), (now!.RuntimeStatus, now.CreatedAt));
        Assert.Single(_host.Fakes.CallsOf(nameof(PixazoSubmitActivity), keyed.Id));
        Assert.NotEqual(first.Id, keyed.Id);
    }

    [Fact]
    public async Task StartJob_ConcurrentStartsWithTheSameKey_OneJobCreatedOnceAndNoError()
    {
        var starts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _host.Starter.StartJobAsync(Requests.CosmicImage(idempotencyKey: "burst"))));
        await _host.CompleteAsync(starts[0].Id);

        Assert.Single(starts.Select(s => s.Id).Distinct());
        Assert.Single(starts, s => !s.AlreadyExisted);
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity)));
    }

    [Fact]
    public async Task Engine_StartingAFinishedInstanceId_RestartsItUnlessEveryStatusIsDeduped()
    {
        // Why the job service passes every status as a dedupe status (and reads the instance again when refused).
        var input = new JobInput(Requests.CosmicImage(), null, JobPolicy.From(new WorkflowOptions(), new Core.Notifications.CallbackOptions()), Notify: false);
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SyncGenerationOrchestrator), input, new StartOrchestrationOptions("engine-1"));
        var first = await _host.CompleteAsync("engine-1");
        var every = Enum.GetNames<OrchestrationRuntimeStatus>();

        var refusal = await Record.ExceptionAsync(() => _host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SyncGenerationOrchestrator), input, new StartOrchestrationOptions("engine-1") { DedupeStatuses = every }));
        var untouched = await _host.Client.GetInstanceAsync("engine-1");
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SyncGenerationOrchestrator), input, new StartOrchestrationOptions("engine-1"));
        var restarted = await _host.CompleteAsync("engine-1");

        Assert.NotNull(refusal);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, first.CreatedAt), (untouched!.RuntimeStatus, untouched.CreatedAt));
        Assert.NotEqual(first.CreatedAt, restarted.CreatedAt);
        Assert.Equal(2, _host.Fakes.CallsOf(nameof(GenerateActivity), "engine-1").Count);
    }

    [Fact]
    public async Task StartJob_CallerInstanceId_IsTheJobIdUnderTheOwnersPrefixAndRepeatsStartNothing()
    {
        var first = await _host.Starter.StartJobAsync(Requests.CosmicImage(), instanceId: "msg-7f3a");
        var again = await _host.Starter.StartJobAsync(Requests.CosmicImage(), instanceId: "msg-7f3a");
        await _host.CompleteAsync(first.Id);
        var afterwards = await _host.Starter.StartJobAsync(Requests.CosmicImage(), instanceId: "msg-7f3a");

        var id = JobOwner.PrefixOf(JobOwner.DefaultCaller) + "msg-7f3a";
        Assert.Equal((id, id, true, true), (first.Id, again.Id, again.AlreadyExisted, afterwards.AlreadyExisted));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity)));
    }

    [Fact]
    public async Task StartJob_PayloadJson_IsTheAppsOnWorkerAndClient()
    {
        var started = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        var done = await _host.CompleteAsync(started.Id);

        // Written by the client (input) and by the worker (output, custom status) with the app's JSON: camelCase names and
        // every enum by name (ProviderName has no converter of its own: the default converter would write a number).
        Assert.StartsWith("{\"request\":{\"kind\":\"image\",\"provider\":\"Cosmic\"", done.SerializedInput, StringComparison.Ordinal);
        Assert.StartsWith("{\"status\":\"Completed\"", done.SerializedOutput, StringComparison.Ordinal);
        Assert.StartsWith("{\"phase\":\"done\"", done.SerializedCustomStatus, StringComparison.Ordinal);
        Assert.Equal(JobKind.Image, done.ReadInputAs<JobInput>()!.Request.Kind);
    }

    [Fact]
    public async Task GetJob_UnknownId_IsNull()
    {
        Assert.Null(await _host.Reader.GetJobAsync("job-does-not-exist", JobAccess.Everything));
        Assert.Null(await _host.Reader.GetBatchAsync("batch-does-not-exist", JobAccess.Everything));
    }

    [Fact]
    public async Task CancelJob_UnknownRunningFinished_NotFoundCancelRequestedAlreadyFinished()
    {
        var running = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(_host, running.Id);
        var finished = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(finished.Id);

        var unknown = await _host.Commands.CancelJobAsync("job-does-not-exist", JobAccess.Everything);
        var requested = await _host.Commands.CancelJobAsync(running.Id, JobAccess.Everything, "changed my mind");
        var already = await _host.Commands.CancelJobAsync(finished.Id, JobAccess.Everything);
        await _host.CompleteAsync(running.Id);

        Assert.Equal([JobCancelResult.NotFound, JobCancelResult.CancelRequested, JobCancelResult.AlreadyFinished], [unknown, requested, already]);
        Assert.Equal(JobStatus.Canceled, (await _host.Reader.GetJobAsync(running.Id, JobAccess.Everything))!.Status);
        Assert.Equal(JobStatus.Completed, (await _host.Reader.GetJobAsync(finished.Id, JobAccess.Everything))!.Status);
        Assert.Equal(JobCancelResult.AlreadyFinished, await _host.Commands.CancelJobAsync(running.Id, JobAccess.Everything));
    }

    [Fact]
    public async Task CancelJob_BatchChunk_IsNotAJob()
    {
        var started = await _host.Starter.StartBatchAsync(new BatchRequest([Requests.CosmicImage()]));
        await _host.CompleteAsync(started.Id);

        Assert.Equal(JobCancelResult.NotFound, await _host.Commands.CancelJobAsync(BatchOrchestrator.ChunkId(started.Id, 0), JobAccess.Everything));
        Assert.Equal(JobCancelResult.AlreadyFinished, await _host.Commands.CancelJobAsync(started.Id, JobAccess.Everything));
    }

    [Fact]
    public async Task ReceivePixazoWebhook_UnknownNonPixazoRunningFinished_UnknownJobUnknownJobAcceptedAccepted()
    {
        var running = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        await WaitingAsync(_host, running.Id);
        var cosmic = await _host.Starter.StartJobAsync(Requests.CosmicImage());
        await _host.CompleteAsync(cosmic.Id);

        var unknown = await PostWebhookAsync(_host, "job-does-not-exist", Completed("req-x", 1));
        var notPixazo = await PostWebhookAsync(_host, cosmic.Id, Completed("req-x", 1));
        var accepted = await PostWebhookAsync(_host, running.Id, Completed($"req-{running.Id}-1", 1));
        await _host.CompleteAsync(running.Id);
        var late = await PostWebhookAsync(_host, running.Id, Completed($"req-{running.Id}-1", 1));

        Assert.Equal(
            [PixazoWebhookResult.UnknownJob, PixazoWebhookResult.UnknownJob, PixazoWebhookResult.Accepted, PixazoWebhookResult.Accepted],
            [unknown, notPixazo, accepted, late]);
        Assert.Null(await _host.Client.GetInstanceAsync("job-does-not-exist"));
        Assert.Equal(JobStatus.Completed, (await _host.Reader.GetJobAsync(running.Id, JobAccess.Everything))!.Status);
    }

    [Fact]
    public async Task GetJob_TerminatedInstance_ReadsAsCanceled()
    {
        var started = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        await _host.Client.TerminateInstanceAsync(started.Id, "operator stopped it");
        await _host.CompleteAsync(started.Id);

        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Canceled, "canceled", "operator stopped it"), (job!.Status, job.Error!.Type, job.Error.Message));
    }

    [Fact]
    public async Task ListJobs_ByStatusWithPaging_ReturnsEachMatchingJobOnce()
    {
        _host.Fakes.Generate = (jobId, input, _) => input.Request.Params.GetProperty("prompt").GetString() == "fail"
            ? GenerateOutput.Failed(new StepFailure("content_policy", "no", false))
            : new GenerateOutput([], []);
        var ids = new List<string>();
        foreach (var prompt in new[] { "a", "fail", "b", "c", "fail" })
        {
            var started = await _host.Starter.StartJobAsync(Requests.CosmicImage(prompt));
            await _host.CompleteAsync(started.Id);
            ids.Add(started.Id);
        }

        var failed = new List<JobState>();
        string? token = null;
        do
        {
            var page = await _host.Reader.ListJobsAsync(new JobQuery([JobStatus.Failed], PageSize: 2, ContinuationToken: token), JobAccess.Everything);
            failed.AddRange(page.Jobs);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(new[] { ids[1], ids[4] }.Order(), failed.Select(j => j.Id).Order());
        Assert.Empty((await _host.Reader.ListJobsAsync(new JobQuery(CreatedFrom: DateTimeOffset.UtcNow.AddMinutes(1)), JobAccess.Everything)).Jobs);
    }
}
