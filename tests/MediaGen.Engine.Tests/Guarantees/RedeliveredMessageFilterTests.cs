using DurableTask.Core;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>Which arriving messages repeat an event the history (or the batch) already holds.</summary>
public sealed class RedeliveredMessageFilterTests
{
    private static readonly DateTime RaisedAt = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Without_TaskOutcomeAlreadyInHistory_DropsIt()
    {
        var state = History(new TaskScheduledEvent(0), new TaskCompletedEvent(-1, 0, "1"));

        var kept = RedeliveredMessageFilter.Without([Message(new TaskCompletedEvent(-1, 0, "1")), Message(new TaskCompletedEvent(-1, 1, "2"))], state);

        Assert.Equal([1], kept.Select(m => ((TaskCompletedEvent)m.Event).TaskScheduledId));
    }

    [Fact]
    public void Without_SecondOutcomeOfOneTaskInOneBatch_KeepsTheFirst()
    {
        var state = History(new TaskScheduledEvent(0));
        var first = Message(new TaskCompletedEvent(-1, 0, "first"));

        var kept = RedeliveredMessageFilter.Without([first, Message(new TaskFailedEvent(-1, 0, "second", null))], state);

        Assert.Same(first, Assert.Single(kept));
    }

    [Fact]
    public void Without_TimerAndSubOrchestrationAlreadyFinished_DropsThem()
    {
        var state = History(new TimerFiredEvent(-1) { TimerId = 1 }, new SubOrchestrationInstanceCompletedEvent(-1, 2, "3"));

        var kept = RedeliveredMessageFilter.Without(
            [Message(new TimerFiredEvent(-1) { TimerId = 1 }), Message(new SubOrchestrationInstanceFailedEvent(-1, 2, "x", null)), Message(new TimerFiredEvent(-1) { TimerId = 4 })],
            state);

        Assert.Equal(4, ((TimerFiredEvent)Assert.Single(kept).Event).TimerId);
    }

    [Fact]
    public void Without_SameRaiseDeliveredAgain_DropsItButKeepsASecondRaiseOfTheSamePayload()
    {
        var state = History(Raised(RaisedAt));

        var kept = RedeliveredMessageFilter.Without([Message(Raised(RaisedAt)), Message(Raised(RaisedAt.AddTicks(1)))], state);

        Assert.Equal(RaisedAt.AddTicks(1), Assert.Single(kept).Event.Timestamp);
    }

    [Fact]
    public void Without_OutcomeOfAnIdTheHistoryGaveToAnotherKindOfTask_DropsIt()
    {
        // An uncommitted episode scheduled activity 1 and timer 2; it ran again and gave 1 to a timer and 2 to an activity.
        var state = History(new TimerCreatedEvent(1), new TaskScheduledEvent(2), new SubOrchestrationInstanceCreatedEvent(3));

        var kept = RedeliveredMessageFilter.Without(
            [
                Message(new TaskCompletedEvent(-1, 1, "stale activity")),
                Message(new TimerFiredEvent(-1) { TimerId = 2 }),
                Message(new TaskFailedEvent(-1, 3, "stale activity", null)),
                Message(new SubOrchestrationInstanceCompletedEvent(-1, 2, "stale sub-orchestration")),
                Message(new TaskCompletedEvent(-1, 2, "the activity's own")),
            ],
            state);

        Assert.Equal("the activity's own", ((TaskCompletedEvent)Assert.Single(kept).Event).Result);
    }

    [Fact]
    public void Without_OutcomeOfTaskZero_IsKeptWhateverOtherEventsCarryIdZero()
    {
        // Events that own no task id are loaded with EventId -1 or 0: only the scheduling event decides.
        var state = History(
            new OrchestratorStartedEvent(0),
            new TaskScheduledEvent(0),
            new OrchestratorCompletedEvent(0),
            new EventRaisedEvent(0, "payload") { Name = "PixazoWebhook" },
            new TimerFiredEvent(0) { TimerId = 5 });

        var kept = RedeliveredMessageFilter.Without([Message(new TaskCompletedEvent(-1, 0, "1"))], state);

        Assert.Single(kept);
    }

    [Fact]
    public void Without_NothingRepeated_ReturnsTheSameList()
    {
        IList<TaskMessage> messages = [Message(new TaskCompletedEvent(-1, 0, "1")), Message(Raised(RaisedAt))];

        Assert.Same(messages, RedeliveredMessageFilter.Without(messages, History(new TaskScheduledEvent(0))));
    }

    private static OrchestrationRuntimeState History(params HistoryEvent[] events) =>
        new([new ExecutionStartedEvent(-1, null) { Name = "Test", OrchestrationInstance = new OrchestrationInstance { InstanceId = "i", ExecutionId = "e" } }, .. events]);

    private static TaskMessage Message(HistoryEvent e) =>
        new() { Event = e, OrchestrationInstance = new OrchestrationInstance { InstanceId = "i", ExecutionId = "e" } };

    private static EventRaisedEvent Raised(DateTime at) => new(-1, "{\"status\":\"COMPLETED\"}") { Name = "webhook", Timestamp = at };
}
