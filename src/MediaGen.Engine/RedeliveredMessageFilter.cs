using DurableTask.Core;
using DurableTask.Core.History;

namespace MediaGen.Engine;

/// <summary>
/// Recognises messages that repeat an event of the instance's history or of the same batch: a second outcome for a task,
/// sub-orchestration or timer id (a redelivered message, or the result of an activity that ran twice because its episode
/// was retried), or an event raised with the same name, payload and timestamp (a redelivered queue message, not a second
/// raise: the client stamps every raise).
/// </summary>
internal static class RedeliveredMessageFilter
{
    /// <summary><paramref name="messages"/> without those repeating an event of <paramref name="state"/> or an earlier message.</summary>
    public static IList<TaskMessage> Without(IList<TaskMessage> messages, OrchestrationRuntimeState state)
    {
        if (messages.Count == 0)
        {
            return messages;
        }

        var kept = new List<TaskMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (!state.Events.Any(past => SameEvent(past, message.Event)) && !kept.Any(earlier => SameEvent(earlier.Event, message.Event)))
            {
                kept.Add(message);
            }
        }

        return kept.Count == messages.Count ? messages : kept;
    }

    private static bool SameEvent(HistoryEvent past, HistoryEvent arriving) => (past, arriving) switch
    {
        (TaskCompletedEvent or TaskFailedEvent, TaskCompletedEvent or TaskFailedEvent) => TaskId(past) == TaskId(arriving),
        (SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent, SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent) =>
            TaskId(past) == TaskId(arriving),
        (TimerFiredEvent a, TimerFiredEvent b) => a.TimerId == b.TimerId,
        (EventRaisedEvent a, EventRaisedEvent b) =>
            a.Timestamp == b.Timestamp && string.Equals(a.Name, b.Name, StringComparison.Ordinal) && string.Equals(a.Input, b.Input, StringComparison.Ordinal),
        _ => false,
    };

    private static int TaskId(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.TaskScheduledId,
        TaskFailedEvent f => f.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
        _ => -1,
    };
}
