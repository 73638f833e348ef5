namespace MediaGen.Workflows.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class PixazoEndToEndTests(EndToEndFixture fixture) : IDisposable
{
    private readonly TimeSpan _pollInitial = fixture.Workflows.PollInitialInterval;
    private readonly TimeSpan _pollMax = fixture.Workflows.PollMaxInterval;

    public void Dispose()
    {
        fixture.Workflows.PollInitialInterval = _pollInitial;
        fixture.Workflows.PollMaxInterval = _pollMax;
    }

    [Fact]
    public async Task Pixazo_WebhookArrives_CompletesAfterOneConfirmingPollAndStoresEveryImage()
    {
        PollRarely();
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(Prompt("Two observatories"), images: 2));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        // The webhook's COMPLETED is confirmed by one poll (the simulator's status), never by waiting for the timer.
        Assert.Equal((1, 1), (Count(job, "polls"), Count(job, "webhooks")));
        Assert.Equal(2, job.Result!.Items.Count);
        foreach (var item in job.Result.Items)
        {
            await StoredBlobs.AssertMatchesAsync(fixture.Blobs, item);
        }
    }

    [Fact]
    public async Task Pixazo_ImageToVideo_CompletesWithTheVideoStored()
    {
        var prompt = Prompt("The camera pans");
        var json = $$$"""{"kind":"video","provider":"pixazo","params":{"prompt":"{{{prompt}}}","image_url":"https://example.com/first-frame.png","num_frames":33}}""";

        var started = await fixture.Starter.StartJobAsync(System.Text.Encoding.UTF8.GetBytes(json));
        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, JobKind.Video), (job!.Status, job.Kind));
        var item = Assert.Single(job.Result!.Items);
        Assert.Equal("video/mp4", item.ContentType);
        await StoredBlobs.AssertMatchesAsync(fixture.Blobs, item);
    }

    [Fact]
    public async Task Pixazo_SyncMode_StoresTheInlineDataUriWithoutWaiting()
    {
        PollRarely();
        var prompt = Prompt("[sim:no-webhook] An inline observatory");
        var json = $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}","sync_mode":true,"output_format":"png"}}""";

        var started = await fixture.Starter.StartJobAsync(System.Text.Encoding.UTF8.GetBytes(json));
        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, 0, 0), (job!.Status, Count(job, "polls"), Count(job, "webhooks")));
        var item = Assert.Single(job.Result!.Items);
        Assert.Equal("image/png", item.ContentType);
        await StoredBlobs.AssertMatchesAsync(fixture.Blobs, item);
    }

    [Fact]
    public async Task Pixazo_WebhookNeverArrives_PollingCompletesTheJob()
    {
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(Prompt("[sim:no-webhook] A quiet observatory")));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal(0, Count(job, "webhooks"));
        Assert.True(Count(job, "polls") >= 1);
        await StoredBlobs.AssertMatchesAsync(fixture.Blobs, Assert.Single(job.Result!.Items));
    }

    [Fact]
    public async Task Pixazo_InstantCompletion_WebhookBeforeTheWaitStillCompletesTheJob()
    {
        PollRarely();
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(Prompt("[sim:queued=0,processing=0] An instant observatory")));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, 1), (job!.Status, Count(job, "polls"))); // the webhook's confirmation
    }

    [Fact]
    public async Task Pixazo_DuplicateWebhook_CompletesOnceWithOneBlobPerImage()
    {
        PollRarely();
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(Prompt("[sim:webhook-duplicate=3] A duplicated observatory")));

        await fixture.CompleteAsync(started.Id);
        var requestId = (await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Result!.Items[0].ProviderId;
        await Waits.UntilAsync(async () => (await fixture.Simulator.GetRequestsAsync()).Webhooks.Count(w => w.RequestId == requestId && w.Status == "COMPLETED") >= 3, "three COMPLETED webhooks");

        var deliveries = (await fixture.Simulator.GetRequestsAsync()).Webhooks.Where(w => w.RequestId == requestId && w.Status == "COMPLETED").ToList();
        Assert.All(deliveries, d => Assert.Equal(200, d.ResponseStatus));
        Assert.Single(await StoredBlobs.NamesAsync(fixture.Blobs, started.Id));
        Assert.Equal(JobStatus.Completed, (await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
    }

    [Fact]
    public async Task Pixazo_ErrorThenSuccess_ResubmitsAndCompletes()
    {
        var prompt = Prompt("[sim:error=GPU lost*1] A resubmitted observatory");
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(prompt));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, 2), (job!.Status, Count(job, "submission")));
        Assert.Equal(2, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task Pixazo_Failed_EndsTheJobFailedWithoutResubmitting()
    {
        var prompt = Prompt("[sim:failed=NSFW content detected] A refused observatory");
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(prompt));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Failed, "generation_failed"), (job!.Status, job.Error!.Type));
        Assert.Contains("NSFW", job.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task Pixazo_DeadlinePasses_JobFailsWithTimeout()
    {
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(Prompt("[sim:processing=600000] A slow observatory"), deadline: DateTimeOffset.UtcNow.AddSeconds(4)));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Failed, "timeout"), (job!.Status, job.Error!.Type));
    }

    [Fact]
    public async Task Pixazo_Canceled_StopsWaitingAndEndsCanceled()
    {
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(Prompt("[sim:processing=600000] A canceled observatory")));
        await fixture.WaitForAsync(started.Id, j => j.Progress?.GetProperty("phase").GetString() == "waiting");

        var result = await fixture.Commands.CancelJobAsync(started.Id, JobAccess.Everything, "changed my mind");
        await fixture.CompleteAsync(started.Id);

        Assert.Equal(JobCancelResult.CancelRequested, result);
        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Canceled, "changed my mind"), (job!.Status, job.Error!.Message));
    }

    [Fact]
    public async Task Pixazo_SubmitRunsAgainForTheSameJob_ReturnsTheRecordedRequestAndBuysNothing()
    {
        var prompt = Prompt("A bought-once observatory");
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(prompt));
        await fixture.CompleteAsync(started.Id);
        var input = (await fixture.Client.GetInstanceAsync(started.Id, true))!.ReadInputAs<JobInput>()!;

        // What a retried or re-executed submit activity does for the same job and submission.
        var activity = ActivatorUtilities.CreateInstance<PixazoSubmitActivity>(fixture.Services);
        var again = await activity.RunAsync(new ActivityContext(started.Id), new PixazoSubmitInput(input.Request, 1));

        var ledger = await fixture.Simulator.GetRequestsAsync();
        Assert.True(again.Replayed);
        Assert.Equal((await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Result!.Items[0].ProviderId, again.Report!.RequestId);
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task Webhook_ForgedWithWrongSecretOrUnknownJob_IsRejectedAndChangesNothing()
    {
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage(Prompt("[sim:processing=600000,no-webhook] A guarded observatory")));
        var waiting = await fixture.WaitForAsync(started.Id, j => j.Progress?.GetProperty("phase").GetString() == "waiting");
        var forged = JsonSerializer.SerializeToUtf8Bytes(new { request_id = waiting.Progress!.Value.GetProperty("requestId").GetString(), status = "COMPLETED", output = new { media_url = new[] { "http://127.0.0.1:9/evil.png" } } });
        using var http = new HttpClient { BaseAddress = fixture.GatewayAddress };

        var wrongSecret = await http.PostAsync($"api/webhooks/pixazo/{started.Id}?secret=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new ByteArrayContent(forged));
        var noSecret = await http.PostAsync($"api/webhooks/pixazo/{started.Id}", new ByteArrayContent(forged));
        var unknownUrl = new Uri(fixture.Webhooks.UrlFor("job-00000000000000000000000000000000")!);
        var unknown = await http.PostAsync(unknownUrl.PathAndQuery.TrimStart('/'), new ByteArrayContent(forged));
        // A negative check, not a wait for something observable: had a forged webhook been raised, it would show by now.
        await Task.Delay(1500);

        Assert.Equal([401, 401, 404], new[] { wrongSecret, noSecret, unknown }.Select(r => (int)r.StatusCode));
        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Running, 0), (job!.Status, Count(job, "webhooks")));
        await fixture.Commands.CancelJobAsync(started.Id, JobAccess.Everything);
        await fixture.CompleteAsync(started.Id);
    }

    private void PollRarely()
    {
        // Only a webhook can finish the job within the test's time.
        fixture.Workflows.PollInitialInterval = TimeSpan.FromMinutes(5);
        fixture.Workflows.PollMaxInterval = TimeSpan.FromMinutes(5);
    }

    private static string Prompt(string text) => $"{text} {Guid.NewGuid():N}";

    private static int Count(JobState job, string field) => job.Progress!.Value.GetProperty(field).GetInt32();

    private sealed class ActivityContext(string instanceId) : TaskActivityContext
    {
        public override TaskName Name => nameof(PixazoSubmitActivity);

        public override string InstanceId => instanceId;
    }
}
