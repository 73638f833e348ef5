using DurableTask.Core.History;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>Assertions over an instance's history.</summary>
internal static class HistoryAssert
{
    /// <summary>
    /// The history holds one start and one completion, each scheduled task, timer and sub-orchestration once, and at most
    /// one outcome per scheduled id (a crash or a redelivered message must not record anything twice).
    /// </summary>
    public static void CompletedOnceWithoutDuplicates(IList<HistoryEvent> history, string instanceId)
    {
        var describe = $"history of {instanceId}: {string.Join(", ", history.Select(Describe))}";
        Assert.True(history.Count(e => e is ExecutionStartedEvent) == 1, $"one ExecutionStarted expected; {describe}");
        Assert.True(history.Count(e => e is ExecutionCompletedEvent) == 1, $"one ExecutionCompleted expected; {describe}");
        NoDuplicates("scheduled", history.Where(e => e is TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent).Select(e => (int?)e.EventId), describe);
        NoDuplicates("task outcome", history.Select(e => e switch
        {
            TaskCompletedEvent c => c.TaskScheduledId,
            TaskFailedEvent f => f.TaskScheduledId,
            _ => (int?)null,
        }), describe);
        NoDuplicates("sub-orchestration outcome", history.Select(e => e switch
        {
            SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
            SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
            _ => (int?)null,
        }), describe);
        NoDuplicates("timer fired", history.OfType<TimerFiredEvent>().Select(e => (int?)e.TimerId), describe);
    }

    /// <summary>How many times event <paramref name="name"/> was recorded as raised.</summary>
    public static int RaisedCount(IList<HistoryEvent> history, string name) =>
        history.OfType<EventRaisedEvent>().Count(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void NoDuplicates(string what, IEnumerable<int?> ids, string describe)
    {
        var duplicates = ids.OfType<int>().GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate {what} for id(s) {string.Join(", ", duplicates)}; {describe}");
    }

    private static string Describe(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => $"TaskCompleted({c.TaskScheduledId})",
        TaskFailedEvent f => $"TaskFailed({f.TaskScheduledId})",
        SubOrchestrationInstanceCompletedEvent c => $"SubOrchestrationCompleted({c.TaskScheduledId})",
        TimerFiredEvent t => $"TimerFired({t.TimerId})",
        EventRaisedEvent r => $"EventRaised({r.Name})",
        _ => $"{e.EventType}({e.EventId})",
    };
}
