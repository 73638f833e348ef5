namespace MediaGen.Engine;

/// <summary>
/// Recognises messages that repeat an event of the instance's history or of the same batch: a second outcome for a task,
/// sub-orchestration or timer id (a redelivered message, or the result of an activity that ran twice because its episode
/// was retried), or an event raised with the same name, payload and timestamp (a redelivered queue message, not a second
/// raise: the client stamps every raise), and outcomes of a task id the history gave to a task of another kind (sent by an
/// episode that was never committed; see <see cref="OtherKindOfTask"/>).
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
            if (!state.Events.Any(past => SameEvent(past, message.Event) || OtherKindOfTask(past, message.Event))
                && !kept.Any(earlier => SameEvent(earlier.Event, message.Event)))
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

    /// <summary>
    /// Whether <paramref name="arriving"/> is the outcome of a task whose id the history's scheduling event gave to a task of
    /// another kind: an activity's completion for a timer's id, a timer for an activity's id, and so on. Such a message was
    /// sent by an episode a host stopped before committing (the backend sends an episode's messages before its history);
    /// the episode ran again, differently (another event had come in), and gave that id to another action. DTFx holds a
    /// message back only while no event has its id, then completes whatever task has it, so a stale timer would complete an
    /// activity call with the timer id as its result. Only scheduling events (<see cref="TaskScheduledEvent"/>,
    /// <see cref="TimerCreatedEvent"/>, <see cref="SubOrchestrationInstanceCreatedEvent"/>) own task ids: other events carry
    /// no id of their own (-1, or 0 as some are loaded from storage), and comparing against them dropped real completions
    /// of task 0 (the first version of this check, reverted in f7e3092).
    /// </summary>
    private static bool OtherKindOfTask(HistoryEvent past, HistoryEvent arriving)
    {
        if (past is not (TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent) || past.EventId < 0)
        {
            return false;
        }

        return arriving switch
        {
            TimerFiredEvent timer => past.EventId == timer.TimerId && past is not TimerCreatedEvent,
            TaskCompletedEvent or TaskFailedEvent => past.EventId == TaskId(arriving) && past is not TaskScheduledEvent,
            SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent =>
                past.EventId == TaskId(arriving) && past is not SubOrchestrationInstanceCreatedEvent,
            _ => false,
        };
    }

    private static int TaskId(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.TaskScheduledId,
        TaskFailedEvent f => f.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
        _ => -1,
    };
}
