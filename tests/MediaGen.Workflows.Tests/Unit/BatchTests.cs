using MediaGen.Core.Jobs;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using MediaGen.Workflows.Tests.Support;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class BatchTests : IAsyncLifetime
{
    private InMemoryWorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await InMemoryWorkflowHost.StartAsync(new Dictionary<string, string?>
    {
        ["Workflows:BatchChunkSize"] = "4",
        ["Workflows:BatchConcurrency"] = "2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Batch_SomeItemsFail_OthersCompleteAndEachItemReportsItsOwnOutcome()
    {
        _host.Fakes.Generate = (jobId, input, attempt) => Prompt(input).Contains("bad", StringComparison.Ordinal)
            ? GenerateOutput.Failed(new StepFailure("content_policy", "refused", Retryable: false))
            : new GenerateOutput([new MediaToCopy(0, "https://cdn.test/x.png", "image/png", "m")], []);
        var items = new[] { "one", "bad two", "three", "four", "bad five", "six", "seven" }.Select(p => Requests.CosmicImage(p)).ToList();

        var started = await _host.Jobs.StartBatchAsync(new BatchRequest(items, CallbackUrl: "https://receiver.example/batch"));
        await _host.CompleteAsync(started.Id);

        var batch = await _host.Jobs.GetBatchAsync(started.Id);
        Assert.Equal((JobStatus.Completed, 7, 5, 2), (batch!.Status, batch.Total, batch.Completed, batch.Failed));
        Assert.Equal([1, 4], batch.Items.Where(i => i.Status == JobStatus.Failed).Select(i => i.Index));
        Assert.Equal("content_policy", batch.Items[1].Error!.Type);
        Assert.Equal(BatchOrchestrator.ItemId(started.Id, 2), batch.Items[2].JobId);
        Assert.Equal(JobStatus.Completed, (await _host.Jobs.GetJobAsync(batch.Items[2].JobId))!.Status);
        var notification = Assert.Single(_host.Fakes.Published);
        Assert.Equal(("batch", 5, 2), (notification.Type, notification.Counts!.Completed, notification.Counts.Failed));
        Assert.Single(_host.Fakes.CallsOf(nameof(SendCallbackActivity)));
    }

    [Fact]
    public async Task Batch_ConcurrencyCapOfTwo_NeverRunsMoreThanTwoItemsAtOnce()
    {
        var items = Enumerable.Range(0, 6).Select(i => Requests.PixazoImage($"image {i}")).ToList();
        var started = await _host.Jobs.StartBatchAsync(new BatchRequest(items));
        var maxRunning = 0;

        // Items wait for a webhook that never comes; only polls on the manual clock move them, one chunk at a time.
        _host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 2
            ? new PixazoStatusReport(requestId, Core.Providers.Pixazo.PixazoStatus.Processing, null, [], null)
            : new PixazoStatusReport(requestId, Core.Providers.Pixazo.PixazoStatus.Completed, null, ["https://cdn.test/a.jpg"], "image/jpeg"));
        await _host.RunUntilAsync(started.Id, instance =>
        {
            var running = _host.Client.GetAllInstancesAsync(new Durable.Client.OrchestrationQuery(InstanceIdPrefix: started.Id + ".", Statuses: [Durable.Client.OrchestrationRuntimeStatus.Running]))
                .ToBlockingEnumerable().Count(i => i.Name == nameof(PixazoGenerationOrchestrator));
            maxRunning = Math.Max(maxRunning, running);
            return instance.IsCompleted;
        }, advanceClock: true);

        Assert.InRange(maxRunning, 1, 2);
        Assert.Equal(6, (await _host.Jobs.GetBatchAsync(started.Id))!.Completed);
    }

    [Fact]
    public async Task Batch_Canceled_RunningItemsEndCanceledAndLaterItemsNeverStart()
    {
        var items = Enumerable.Range(0, 10).Select(i => Requests.PixazoImage($"image {i}")).ToList();
        var started = await _host.Jobs.StartBatchAsync(new BatchRequest(items));
        await _host.RunUntilAsync(BatchOrchestrator.ItemId(started.Id, 1), i => i.RuntimeStatus == Durable.Client.OrchestrationRuntimeStatus.Running, advanceClock: false);

        Assert.Equal(JobCancelResult.CancelRequested, await _host.Jobs.CancelJobAsync(started.Id, "stop"));
        await _host.CompleteAsync(started.Id);

        var batch = await _host.Jobs.GetBatchAsync(started.Id);
        Assert.Equal((JobStatus.Canceled, 10), (batch!.Status, batch.Canceled));
        Assert.Equal(2, _host.Fakes.CallsOf(nameof(PixazoSubmitActivity)).Count);
    }

    [Fact]
    public async Task Batch_ThousandItems_AllCompleteWithEveryHistoryBounded()
    {
        await using var host = await InMemoryWorkflowHost.StartAsync(new Dictionary<string, string?> { ["Workflows:BatchConcurrency"] = "50" });
        var items = Enumerable.Range(0, 1000).Select(i => Requests.CosmicImage($"image {i}")).ToList();

        var started = await host.Jobs.StartBatchAsync(new BatchRequest(items, IdempotencyKey: "thousand"));
        await host.CompleteAsync(started.Id);

        var batch = await host.Jobs.GetBatchAsync(started.Id);
        Assert.Equal((1000, 1000), (batch!.Total, batch.Completed));
        var parent = (await host.Client.GetHistoryAsync(started.Id))!.Count;
        var chunk = (await host.Client.GetHistoryAsync(BatchOrchestrator.ChunkId(started.Id, 0)))!.Count;
        Assert.True(parent < 200, $"the batch's history has {parent} events");
        Assert.True(chunk < 400, $"a chunk's history has {chunk} events");
    }

    private static string Prompt(GenerateInput input) => input.Request.Params.GetProperty("prompt").GetString()!;
}
