using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests;

/// <summary>Microsoft.DurableTask orchestrations and activities running on the engine's worker over Azurite.</summary>
[Collection(EngineCollection.Name)]
public sealed class DurableEngineWorkerTests(EngineFixture engine)
{
    private static readonly TimeSpan Timeout = Waits.HangGuard;

    private DurableTaskClient Client => engine.Client;

    [Fact]
    public async Task ActivityChain_Completes_ReturnsChainedResult()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 5, timeout.Token);

        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(14, done.ReadOutputAs<int>());
        Assert.Equal(5, done.ReadInputAs<int>());
        Assert.Equal(nameof(ChainOrchestrator), done.Name);
    }

    [Fact]
    public async Task ScopedActivity_EachExecution_GetsOwnScopeDisposedAfterwards()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ScopeOrchestrator), timeout.Token);

        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        var ids = done.ReadOutputAs<Guid[]>()!;
        Assert.Equal(2, ids.Length);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.All(ids, scoped => Assert.Contains(scoped, engine.Scopes.Created));
        Assert.All(ids, scoped => Assert.Contains(scoped, engine.Scopes.Disposed));
    }

    [Fact]
    public async Task SubOrchestration_WithExplicitInstanceId_RunsUnderThatId()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var childId = "child-" + Guid.NewGuid().ToString("N");
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ParentOrchestrator), childId, timeout.Token);

        var parent = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        var child = await Client.GetInstanceAsync(childId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, parent.RuntimeStatus);
        Assert.Equal(6, parent.ReadOutputAs<int>());
        Assert.NotNull(child);
        Assert.Equal(nameof(ChainOrchestrator), child.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
        Assert.Equal(6, child.ReadOutputAs<int>());
    }

    [Fact]
    public async Task SubOrchestration_Context_KnowsItsParent()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var parent = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(FamilyOrchestrator), timeout.Token);
        var topLevel = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ParentProbeOrchestrator), timeout.Token);

        var family = await Client.WaitForInstanceCompletionAsync(parent, getInputsAndOutputs: true, timeout.Token);
        var alone = await Client.WaitForInstanceCompletionAsync(topLevel, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal($"{nameof(FamilyOrchestrator)}/{parent}", family.ReadOutputAs<string>());
        Assert.Null(alone.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ExternalEvent_RaisedBeforeTheWait_IsBufferedAndDelivered()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), 4000, timeout.Token);

        // Once started (Running), the instance buffers the event while its 4 s activity runs, before it waits.
        // Raised while it is still Pending, the backend may drop the event (as in Durable Functions on Azure Storage).
        await Client.WaitForInstanceStartAsync(id, timeout.Token);
        await Client.RaiseEventAsync(id, ApprovalOrchestrator.EventName, new Approval("early", 1), timeout.Token);
        var raisedWhile = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.NotEqual("\"waiting\"", raisedWhile!.SerializedCustomStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new Approval("early", 1), done.ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task ExternalEvent_RaisedWhileWaiting_IsDelivered()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), 0, timeout.Token);
        await WaitForCustomStatusAsync(id, "\"waiting\"", timeout.Token);

        await Client.RaiseEventAsync(id, ApprovalOrchestrator.EventName, new Approval("late", 2), timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(new Approval("late", 2), done.ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task DurableTimer_Fires_AdvancesOrchestrationTime()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var started = DateTime.UtcNow;
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), 2, timeout.Token);

        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        var result = done.ReadOutputAs<TimerResult>()!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        // The Azure Storage backend rounds queue delays down to whole seconds: a timer may fire up to ~1 s early.
        Assert.True(result.After - result.Before >= TimeSpan.FromSeconds(1), $"timer fired after {result.After - result.Before}");
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ContinueAsNew_RestartsWithNewInput_CompletesWithLastOutput()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CounterOrchestrator), 0, timeout.Token);

        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(CounterOrchestrator.Target, done.ReadOutputAs<int>());
        Assert.Equal(CounterOrchestrator.Target, done.ReadInputAs<int>());
    }

    [Fact]
    public async Task CustomStatus_SetByOrchestration_IsReadableWhileRunningAndAfter()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProgressOrchestrator), timeout.Token);

        var running = await WaitForCustomStatusAsync(id, null, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Equal(new Progress(1, 2), running.ReadCustomStatusAs<Progress>());

        await Client.RaiseEventAsync(id, ProgressOrchestrator.EventName, 7, timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(7, done.ReadOutputAs<int>());
        Assert.Equal(new Progress(2, 2), done.ReadCustomStatusAs<Progress>());
    }

    [Fact]
    public async Task ActivityFailure_Unhandled_FailsOrchestrationWithFailureDetails()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(FailingOrchestrator), "boom", timeout.Token);

        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        var failure = Assert.IsType<TaskFailureDetails>(done.FailureDetails);
        Assert.Equal(typeof(TaskFailedException).FullName, failure.ErrorType);
        Assert.Contains(nameof(FailingActivity), failure.ErrorMessage, StringComparison.Ordinal);
        var cause = Assert.IsType<TaskFailureDetails>(failure.InnerFailure);
        Assert.Equal(typeof(InvalidOperationException).FullName, cause.ErrorType);
        Assert.Equal("boom", cause.ErrorMessage);
        Assert.Contains(nameof(FailingActivity), cause.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityFailure_CaughtByOrchestration_CarriesTypeAndMessage()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CatchingOrchestrator), "caught", timeout.Token);

        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        var failure = done.ReadOutputAs<TaskFailureDetails>()!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.ErrorType);
        Assert.Equal("caught", failure.ErrorMessage);
    }

    [Fact]
    public async Task LongActivity_OutlivingWorkItemVisibilityTimeout_RunsOnce()
    {
        // The test host hides activity messages for 10 s; the activity works 16 s while DTFx renews its message.
        using var timeout = new CancellationTokenSource(Timeout);
        var work = new SlowWork(Guid.NewGuid().ToString("N"), TimeSpan.FromSeconds(16));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(SlowOrchestrator), work, timeout.Token);

        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, done.ReadOutputAs<int>());
        Assert.Equal(1, engine.Scopes.Runs[work.Key]);
    }

    private Task<OrchestrationMetadata> WaitForCustomStatusAsync(string id, string? expected, CancellationToken cancellation) =>
        Waits.ForAsync(
            async token => await Client.GetInstanceAsync(id, getInputsAndOutputs: true, token) is { SerializedCustomStatus: { } status } metadata && (expected is null || status == expected) ? metadata : null,
            $"{id}'s custom status {expected ?? "(any)"}",
            cancellationToken: cancellation);
}
