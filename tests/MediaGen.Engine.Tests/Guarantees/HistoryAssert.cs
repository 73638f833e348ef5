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
        var problems = Problems(history, instanceId);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What <see cref="CompletedOnceWithoutDuplicates"/> would fail on, one line each.</summary>
    public static List<string> Problems(IList<HistoryEvent> history, string instanceId)
    {
        var problems = new List<string>();
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                problems.Add($"{instanceId}: {what}; history: {Describe(history)}");
            }
        }

        Check(history.Count(e => e is ExecutionStartedEvent) == 1, "one ExecutionStarted expected");
        Check(history.Count(e => e is ExecutionCompletedEvent) == 1, "one ExecutionCompleted expected");
        Check(Unique(history.Where(e => e is TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent).Select(e => (int?)e.EventId)), "a task, timer or sub-orchestration scheduled twice");
        Check(Unique(history.Select(e => e switch
        {
            TaskCompletedEvent c => c.TaskScheduledId,
            TaskFailedEvent f => f.TaskScheduledId,
            _ => (int?)null,
        })), "a task outcome recorded twice");
        Check(Unique(history.Select(e => e switch
        {
            SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
            SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
            _ => (int?)null,
        })), "a sub-orchestration outcome recorded twice");
        Check(Unique(history.OfType<TimerFiredEvent>().Select(e => (int?)e.TimerId)), "a timer fired twice");
        return problems;
    }

    /// <summary>The history in one line.</summary>
    public static string Describe(IList<HistoryEvent> history) => string.Join(", ", history.Select(Describe));

    /// <summary>How many times event <paramref name="name"/> was recorded as raised.</summary>
    public static int RaisedCount(IList<HistoryEvent> history, string name) =>
        history.OfType<EventRaisedEvent>().Count(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private static bool Unique(IEnumerable<int?> ids) => ids.OfType<int>().GroupBy(id => id).All(g => g.Count() == 1);

    private static string Describe(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => $"TaskCompleted({c.TaskScheduledId})",
        TaskFailedEvent f => $"TaskFailed({f.TaskScheduledId})",
        SubOrchestrationInstanceCompletedEvent c => $"SubOrchestrationCompleted({c.TaskScheduledId})",
        TimerFiredEvent t => $"TimerFired({t.TimerId})",
        EventRaisedEvent r => $"EventRaised({r.Name} {r.Timestamp:HH:mm:ss.fff})",
        _ => $"{e.EventType}({e.EventId})",
    };
}
