using MediaGen.Durable.Client;
using MediaGen.Durable.History;
using MediaGen.Durable.Tests.Support;
using MediaGen.Durable.Tests.Workflows;

namespace MediaGen.Durable.Tests.Conformance;

public abstract partial class DurableConformanceTests
{
    [Fact]
    public async Task RaiseEvent_BeforeTheWait_BufferedAndDeliveredFifoPerName()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventsOrchestrator));
        await Client.RaiseEventAsync(id, "item", 1);
        await Client.RaiseEventAsync(id, "item", 2);
        await Client.RaiseEventAsync(id, "item", 3);
        await Client.RaiseEventAsync(id, "go", "now");

        var done = await CompleteAsync(id);

        Assert.Equal(new[] { 1, 2, 3 }, done.ReadOutputAs<int[]>());
        HistoryAssert.NoDuplicates((await Client.GetHistoryAsync(id))!, id);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_ReportedToCaller()
    {
        var missing = "missing-" + Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => Client.RaiseEventAsync(missing, "go", 1));

        Assert.Equal(missing, error.InstanceId);
        Assert.Null(await Client.GetInstanceAsync(missing));
    }

    [Fact]
    public async Task WaitForExternalEvent_NoEventBeforeTimeout_ThrowsTaskCanceled()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimeoutOrchestrator), TimerDelay);

        var done = await CompleteAsync(id);

        Assert.Equal("timeout", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventBeforeTimeout_ReturnsPayload()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimeoutOrchestrator), TimeSpan.FromDays(1));
        await WaitUntilAsync(id, i => i.ReadCustomStatusAs<string>() == "waiting");

        await Client.RaiseEventAsync(id, "answer", "forty-two");
        var done = await CompleteAsync(id);

        Assert.Equal("forty-two", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SetCustomStatus_WhileWaiting_VisibleToClient()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusOrchestrator));

        var waiting = await WaitUntilAsync(id, i => i.SerializedCustomStatus is not null);
        await Client.RaiseEventAsync(id, "continue", "done");
        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(1, waiting.ReadCustomStatusAs<StepStatus>()!.Step);
        Assert.Equal(2, done.ReadCustomStatusAs<StepStatus>()!.Step);
        Assert.Equal("done", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_ManyGenerations_HistoryHoldsOnlyTheLastExecution()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CounterOrchestrator), new CounterState(0, 20));

        var done = await CompleteAsync(id);

        Assert.Equal(20, done.ReadOutputAs<int>());
        Assert.Equal(new CounterState(19, 20), done.ReadInputAs<CounterState>());
        var history = (await Client.GetHistoryAsync(id))!;
        Assert.InRange(history.Count, 1, 10);
        HistoryAssert.NoDuplicates(history, id);
    }

    [Fact]
    public async Task ContinueAsNew_PreserveUnprocessedEvents_CarriesThemIntoTheNextExecution()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CarryEventsOrchestrator), 0);
        await Client.RaiseEventAsync(id, "second", "carried");
        await Client.RaiseEventAsync(id, "first", "consumed");

        var done = await CompleteAsync(id);

        Assert.Equal("carried", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestrator_ExplicitInstanceId_ChildRunsUnderThatIdAndParentGetsOutput()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ParentOrchestrator), "Paris");

        var done = await CompleteAsync(id);
        var child = await Client.GetInstanceAsync(id + "-child", true);

        Assert.Equal("parent got Hello Paris", done.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal(nameof(HelloSequence), child.Name);
        Assert.Equal("Hello Paris", child.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestrator_ChildFails_ParentCatchesTaskFailedException()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(FailingParent), "z");

        var done = await CompleteAsync(id);

        var failure = done.ReadOutputAs<TaskFailureDetails>()!;
        Assert.True(failure.IsCausedBy<TaskFailedException>());
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.InnerFailure?.ErrorType);
    }

    [Fact]
    public async Task NewGuid_Replayed_IsDeterministic()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(GuidOrchestrator));

        var done = await CompleteAsync(id);

        Assert.True(done.ReadOutputAs<bool>());
    }

    [Fact]
    public async Task CallActivity_PayloadsOverQueueLimit_RoundTripThroughBlobs()
    {
        var large = new string('x', 150_000);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), large);

        var done = await CompleteAsync(id);

        Assert.Equal(large, done.ReadOutputAs<string>());
        Assert.Equal(large, ((TaskScheduled)(await Client.GetHistoryAsync(id))!.First(e => e is TaskScheduled)).Input?.Trim('"'));
    }

    [Fact]
    public async Task FanOut_FiftyActivitiesWithWhenAll_SumsEveryResult()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), 50);

        var done = await CompleteAsync(id);

        Assert.Equal(Enumerable.Range(1, 50).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        HistoryAssert.NoDuplicates((await Client.GetHistoryAsync(id))!, id);
    }
}
