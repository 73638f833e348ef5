using MediaGen.Engine.TestWorker.Workflows;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// Duplicate and early webhooks (external events) on the engine: the orchestration consumes one, acts once and
/// completes with it, whether the copies arrive before the instance runs, before it waits, or while it waits.
/// </summary>
public sealed class WebhookEventTests(SharedHostFixture shared) : IClassFixture<SharedHostFixture>
{
    private static readonly TimeSpan HangGuard = Waits.HangGuard;
    private static readonly Webhook Completed = new("req-1", "COMPLETED");

    [Fact]
    public async Task Webhook_RaisedTwiceBeforeAnyHostRuns_ConsumedOnceAndCompletes()
    {
        using var timeout = new CancellationTokenSource(HangGuard);
        await using var hub = await TaskHubUnderTest.CreateAsync(shared.Azurite.ConnectionString, "hookearly");
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WebhookOrchestrator), new WebhookJob("early", TimeSpan.Zero), timeout.Token);
        await hub.Client.RaiseEventAsync(id, WebhookOrchestrator.EventName, Completed, timeout.Token);
        await hub.Client.RaiseEventAsync(id, WebhookOrchestrator.EventName, Completed, timeout.Token);

        var worker = hub.Worker("host");
        worker.Start();
        var done = await WaitAsync(hub, id, timeout.Token);

        await AssertConsumedOnceAsync(hub, id, "early", done, timeout.Token);
    }

    [Fact]
    public async Task Webhook_RaisedTwiceWhileSubmitting_IsBufferedConsumedOnceAndCompletes()
    {
        using var timeout = new CancellationTokenSource(HangGuard);
        var hub = shared.Hub;
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WebhookOrchestrator), new WebhookJob("buffered", TimeSpan.FromSeconds(4)), timeout.Token);
        await Waits.UntilAsync(async token => (await hub.Client.GetInstanceAsync(id, token))?.RuntimeStatus == OrchestrationRuntimeStatus.Running, $"{id} to run", cancellationToken: timeout.Token);

        await Task.WhenAll(
            hub.Client.RaiseEventAsync(id, WebhookOrchestrator.EventName, Completed, timeout.Token),
            hub.Client.RaiseEventAsync(id, WebhookOrchestrator.EventName, Completed, timeout.Token));
        var done = await WaitAsync(hub, id, timeout.Token);

        await AssertConsumedOnceAsync(hub, id, "buffered", done, timeout.Token);
        // Both copies arrived while the submit step ran, before the orchestration waited for them.
        var history = await hub.HistoryAsync(id, timeout.Token);
        var submitted = history.OfType<TaskCompletedEvent>().Min(e => history.IndexOf(e));
        Assert.All(history.OfType<EventRaisedEvent>(), e => Assert.True(history.IndexOf(e) < submitted, HistoryAssert.Describe(history)));
    }

    [Fact]
    public async Task Webhook_RaisedTwiceWhileWaitingAndOnceAfterCompletion_ConsumedOnceAndLateOneRejected()
    {
        using var timeout = new CancellationTokenSource(HangGuard);
        var hub = shared.Hub;
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WebhookOrchestrator), new WebhookJob("waiting", TimeSpan.Zero), timeout.Token);
        await Waits.UntilAsync(
            async token => (await hub.Client.GetInstanceAsync(id, getInputsAndOutputs: true, token))?.SerializedCustomStatus == "\"waiting\"", $"{id} to wait", cancellationToken: timeout.Token);

        await Task.WhenAll(
            hub.Client.RaiseEventAsync(id, WebhookOrchestrator.EventName, Completed, timeout.Token),
            hub.Client.RaiseEventAsync(id, WebhookOrchestrator.EventName, Completed, timeout.Token));
        var done = await WaitAsync(hub, id, timeout.Token);
        await AssertConsumedOnceAsync(hub, id, "waiting", done, timeout.Token);

        // A webhook retried after the job finished gets the client's defined answer and changes nothing.
        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.Client.RaiseEventAsync(id, WebhookOrchestrator.EventName, Completed, timeout.Token));
        var after = await hub.Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after?.RuntimeStatus);
        Assert.Equal(Completed, after?.ReadOutputAs<Webhook>());
        Assert.Single(hub.Executions(), e => e.Key == "waiting-deliver");
    }

    private static async Task AssertConsumedOnceAsync(TaskHubUnderTest hub, string id, string key, OrchestrationMetadata done, CancellationToken cancellation)
    {
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus} {done.FailureDetails}\n{hub.WorkerOutput}");
        Assert.Equal(Completed, done.ReadOutputAs<Webhook>());
        Assert.Single(hub.Executions(), e => e.Key == key + "-submit");
        Assert.Single(hub.Executions(), e => e.Key == key + "-deliver");
        var history = await hub.HistoryAsync(id, cancellation);
        HistoryAssert.CompletedOnceWithoutDuplicates(history, id);
        // Both raises are recorded (they are two deliveries, not a redelivered message); one was consumed.
        Assert.Equal(2, HistoryAssert.RaisedCount(history, WebhookOrchestrator.EventName));
    }

    private static async Task<OrchestrationMetadata> WaitAsync(TaskHubUnderTest hub, string id, CancellationToken cancellation)
    {
        try
        {
            return await hub.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellation);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"{id} did not finish:\n{HistoryAssert.Describe(await hub.HistoryAsync(id, CancellationToken.None))}\n{hub.WorkerOutput}", e);
        }
    }
}
