using MediaGen.Durable.History;

namespace MediaGen.Durable.Tests.Support;

/// <summary>Checks a history holds no event twice (the runtime's de-duplication guarantee).</summary>
internal static class HistoryAssert
{
    public static void NoDuplicates(IReadOnlyList<HistoryEvent> history, string instanceId)
    {
        var keys = history.Select(Key).Where(k => k is not null).ToList();
        var duplicates = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Instance {instanceId} has duplicated history events: {string.Join(", ", duplicates)}");
        Assert.Equal(1, history.Count(e => e is ExecutionStarted));
        Assert.True(history.Count(e => e is ExecutionCompleted or ExecutionTerminated) <= 1, $"Instance {instanceId} finished twice.");
    }

    private static string? Key(HistoryEvent e) => e switch
    {
        ExecutionStarted => "started",
        TaskScheduled t => "scheduled:" + t.TaskId,
        TaskCompleted t => "answer:" + t.TaskScheduledId,
        TaskFailed t => "answer:" + t.TaskScheduledId,
        SubOrchestrationInstanceCreated s => "scheduled:" + s.TaskId,
        SubOrchestrationInstanceCompleted s => "answer:" + s.TaskScheduledId,
        SubOrchestrationInstanceFailed s => "answer:" + s.TaskScheduledId,
        TimerCreated t => "timer:" + t.TimerId,
        TimerFired t => "fired:" + t.TimerId,
        EventRaised r => "event:" + r.MessageId,
        EventSent s => "sent:" + s.EventId,
        ExecutionCompleted or ExecutionTerminated => "finished",
        _ => null,
    };
}
