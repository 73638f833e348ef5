using MediaGen.Core.Notifications;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class BatchTests
{
    private static readonly Dictionary<string, string?> SmallChunks = new()
    {
        ["Workflows:BatchChunkSize"] = "4",
        ["Workflows:BatchConcurrency"] = "2",
    };

    [Fact]
    public async Task Batch_SomeItemsFail_OthersCompleteAndEachItemReportsItsOwnOutcome()
    {
        await using var host = await WorkflowTestHost.StartAsync(SmallChunks);
        host.Fakes.Generate = (jobId, input, attempt) => Prompt(input).Contains("bad", StringComparison.Ordinal)
            ? GenerateOutput.Failed(new StepFailure("content_policy", "refused", Retryable: false))
            : new GenerateOutput([new MediaToCopy(0, "https://cdn.test/x.png", "image/png", "m")], []);
        var items = new[] { "one", "bad two", "three", "four", "bad five", "six", "seven" }.Select(p => Requests.CosmicImage(p)).ToList();

        var started = await host.Starter.StartBatchAsync(new BatchRequest(items, CallbackUrl: "https://receiver.example/batch"));
        await host.CompleteAsync(started.Id);

        var batch = await host.Reader.GetBatchAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, 7, 5, 2), (batch!.Status, batch.Total, batch.Completed, batch.Failed));
        Assert.Equal([1, 4], batch.Items.Where(i => i.Status == JobStatus.Failed).Select(i => i.Index));
        Assert.Equal("content_policy", batch.Items[1].Error!.Type);
        Assert.Equal(BatchOrchestrator.ItemId(started.Id, 2), batch.Items[2].JobId);
        Assert.Equal(JobStatus.Completed, (await host.Reader.GetJobAsync(batch.Items[2].JobId, JobAccess.Everything))!.Status);
        var notification = Assert.Single(host.Fakes.Published);
        Assert.Equal(("batch", 5, 2), (notification.Type, notification.Counts!.Completed, notification.Counts.Failed));
        Assert.Single(host.Fakes.CallsOf(nameof(SendCallbackActivity)));
    }

    [Fact]
    public async Task Batch_ConcurrencyCapOfTwo_NeverRunsMoreThanTwoItemsAtOnce()
    {
        await using var host = await WorkflowTestHost.StartAsync(SmallChunks);
        host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 2
            ? new PixazoStatusReport(requestId, PixazoStatus.Processing, null, [], null)
            : new PixazoStatusReport(requestId, PixazoStatus.Completed, null, ["https://cdn.test/a.jpg"], "image/jpeg"));
        var items = Enumerable.Range(0, 6).Select(i => Requests.PixazoImage($"image {i}")).ToList();

        var started = await host.Starter.StartBatchAsync(new BatchRequest(items));
        await host.CompleteAsync(started.Id);

        Assert.Equal(2, MostItemsRunning(host, BatchOrchestrator.ChunkId(started.Id, 0)));
        Assert.Equal(2, MostItemsRunning(host, BatchOrchestrator.ChunkId(started.Id, 1)));
        Assert.Equal(6, (await host.Reader.GetBatchAsync(started.Id, JobAccess.Everything))!.Completed);
    }

    [Fact]
    public async Task Batch_ThirtyItemsAtConcurrencyThirty_AllRunAtOnceAndComplete()
    {
        // 32 orchestrations in flight: the in-process host crawls (and looks hung) beyond Environment.ProcessorCount of
        // them unless the test run raises it (unit.runsettings).
        await using var host = await WorkflowTestHost.StartAsync(new Dictionary<string, string?> { ["Workflows:BatchConcurrency"] = "30", ["Workflows:BatchChunkSize"] = "30" });
        host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 3
            ? new PixazoStatusReport(requestId, PixazoStatus.Processing, null, [], null)
            : new PixazoStatusReport(requestId, PixazoStatus.Completed, null, ["https://cdn.test/a.jpg"], "image/jpeg"));
        var items = Enumerable.Range(0, 30).Select(i => Requests.PixazoImage($"image {i}")).ToList();

        var started = await host.Starter.StartBatchAsync(new BatchRequest(items));
        await host.CompleteAsync(started.Id);

        Assert.Equal(30, MostItemsRunning(host, BatchOrchestrator.ChunkId(started.Id, 0)));
        Assert.Equal((30, 30), ((await host.Reader.GetBatchAsync(started.Id, JobAccess.Everything))!.Total, (await host.Reader.GetBatchAsync(started.Id, JobAccess.Everything))!.Completed));
    }

    [Fact]
    public async Task Batch_Canceled_RunningItemsEndCanceledAndLaterItemsNeverStart()
    {
        await using var host = await WorkflowTestHost.StartAsync(SmallChunks);
        var items = Enumerable.Range(0, 10).Select(i => Requests.PixazoImage($"image {i}")).ToList();
        var started = await host.Starter.StartBatchAsync(new BatchRequest(items));
        await host.WaitForAsync(BatchOrchestrator.ItemId(started.Id, 1), i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        Assert.Equal(JobCancelResult.CancelRequested, await host.Commands.CancelJobAsync(started.Id, JobAccess.Everything, "stop"));
        await host.CompleteAsync(started.Id);

        var batch = await host.Reader.GetBatchAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Canceled, 10), (batch!.Status, batch.Canceled));
        Assert.Equal(2, host.Fakes.CallsOf(nameof(PixazoSubmitActivity)).Count);
        Assert.All(batch.Items, item => Assert.Equal("stop", item.Error!.Message));
    }

    [Fact]
    public async Task Batch_ItemStartedLateByTheConcurrencyCap_ItsDeadlineCountsFromItsOwnStart()
    {
        await using var host = await WorkflowTestHost.StartAsync();
        await host.WarmUpAsync();
        var options = host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value;
        var callbacks = host.Services.GetRequiredService<IOptions<CallbackOptions>>().Value;
        var timeout = TimeSpan.FromMilliseconds(500);

        // One at a time: item 0 (a Pixazo job that never finishes) runs out its whole timeout before item 1 (another) starts.
        // Started on the engine directly, because the job API's timeouts are at least a second.
        var policy = JobPolicy.From(options, callbacks) with { JobTimeout = timeout, BatchConcurrency = 1 };
        var items = new[] { Requests.PixazoImage(), Requests.PixazoImage() }.Select(r => new JobInput(r, null, policy, Notify: false)).ToList();
        var batchId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BatchOrchestrator), new BatchInput(items, policy));
        await host.CompleteAsync(batchId);

        var batch = await host.Reader.GetBatchAsync(batchId, JobAccess.Everything);
        Assert.All(batch!.Items, item => Assert.Equal((JobStatus.Failed, "timeout"), (item.Status, item.Error!.Type)));
        var first = host.Episodes.Of(BatchOrchestrator.ItemId(batchId, 0));
        var second = host.Episodes.Of(BatchOrchestrator.ItemId(batchId, 1));
        // Each item ran until its own start + the timeout (its poll waits are cut short there), not the batch's.
        foreach (var episodes in new[] { first, second })
        {
            var deadline = episodes[0].StartedAt + timeout;
            Assert.True(episodes[^1].StartedAt >= deadline, "the item ended at its own deadline, not before");
            Assert.All(episodes.SelectMany(e => e.TimersFireAt), fireAt => Assert.True(fireAt <= deadline, "no wait past the item's deadline"));
        }

        Assert.True(second[0].StartedAt >= first[0].StartedAt + timeout, "item 1 started after item 0's deadline");
    }

    [Fact]
    public async Task StartBatch_ItemsWithoutADeadline_LeaveItToTheItemsOwnStart()
    {
        await using var host = await WorkflowTestHost.StartAsync(SmallChunks);
        var deadline = DateTimeOffset.UtcNow.AddHours(1);

        var started = await host.Starter.StartBatchAsync(new BatchRequest([Requests.CosmicImage(), Requests.CosmicImage(deadline: deadline)]));
        var done = await host.CompleteAsync(started.Id);

        var input = done.ReadInputAs<BatchInput>()!;
        Assert.Equal([null, deadline], input.Items.Select(i => i.Deadline));
        Assert.Equal(TimeSpan.FromMinutes(1), input.Policy.JobTimeout);
        Assert.Equal(2, (await host.Reader.GetBatchAsync(started.Id, JobAccess.Everything))!.Completed);
    }

    [Fact]
    public async Task Batch_HundredItemsInTwentyChunks_AllCompleteWithEveryHistoryBounded()
    {
        // 20 chunks, as many as a 1,000-item batch has with the default chunk size (50): the batch's own history grows
        // with its chunks, a chunk's with its items.
        await using var host = await WorkflowTestHost.StartAsync(new Dictionary<string, string?> { ["Workflows:BatchConcurrency"] = "50", ["Workflows:BatchChunkSize"] = "5" });
        var items = Enumerable.Range(0, 100).Select(i => Requests.CosmicImage($"image {i}")).ToList();

        var started = await host.Starter.StartBatchAsync(new BatchRequest(items, IdempotencyKey: "hundred"));
        await host.CompleteAsync(started.Id);

        var batch = await host.Reader.GetBatchAsync(started.Id, JobAccess.Everything);
        Assert.Equal((100, 100), (batch!.Total, batch.Completed));
        var parent = host.Episodes.Of(started.Id).Max(e => e.HistoryLength);
        var chunk = host.Episodes.Of(BatchOrchestrator.ChunkId(started.Id, 0)).Max(e => e.HistoryLength);
        Assert.True(parent < 200, $"the batch's history has {parent} events");
        Assert.True(chunk < 100, $"a chunk's history has {chunk} events");
    }

    /// <summary>The most item sub-orchestrations a chunk had outstanding at once, from what its episodes started and saw end.</summary>
    private static int MostItemsRunning(WorkflowTestHost host, string chunkId)
    {
        int running = 0, most = 0;
        foreach (var episode in host.Episodes.Of(chunkId))
        {
            running -= episode.NewEvents.Count(e => e.SubOrchestrationInstanceCompleted is not null || e.SubOrchestrationInstanceFailed is not null);
            running += episode.Actions.Count(a => a.CreateSubOrchestration is not null);
            most = Math.Max(most, running);
        }

        return most;
    }

    private static string Prompt(GenerateInput input) => input.Request.Params.GetProperty("prompt").GetString()!;
}
