using MediaGen.Durable.History;

namespace MediaGen.Durable.Runtime;

/// <summary>What a history already holds, for recognising duplicated and stale messages.</summary>
internal sealed class HistoryIndex
{
    private readonly HashSet<int> _scheduled = [];
    private readonly HashSet<int> _answered = [];
    private readonly HashSet<int> _timersCreated = [];
    private readonly HashSet<int> _timersFired = [];
    private readonly HashSet<string> _eventMessages = new(StringComparer.Ordinal);

    public HistoryIndex(IEnumerable<HistoryEvent> history)
    {
        foreach (var historyEvent in history)
        {
            Add(historyEvent);
        }
    }

    public bool Started { get; private set; }

    /// <summary>Records the event and says whether it is new (not a duplicate, and answers something that exists).</summary>
    public bool TryAccept(HistoryEvent historyEvent) => historyEvent switch
    {
        TaskCompleted e => Answer(e.TaskScheduledId),
        TaskFailed e => Answer(e.TaskScheduledId),
        SubOrchestrationInstanceCompleted e => Answer(e.TaskScheduledId),
        SubOrchestrationInstanceFailed e => Answer(e.TaskScheduledId),
        TimerFired e => _timersCreated.Contains(e.TimerId) && _timersFired.Add(e.TimerId),
        EventRaised e => _eventMessages.Add(e.MessageId),
        _ => false,
    };

    private bool Answer(int taskId) => _scheduled.Contains(taskId) && _answered.Add(taskId);

    private void Add(HistoryEvent historyEvent)
    {
        switch (historyEvent)
        {
            case ExecutionStarted:
                Started = true;
                break;
            case TaskScheduled e:
                _scheduled.Add(e.TaskId);
                break;
            case SubOrchestrationInstanceCreated e:
                _scheduled.Add(e.TaskId);
                break;
            case TimerCreated e:
                _timersCreated.Add(e.TimerId);
                break;
            default:
                TryAccept(historyEvent);
                break;
        }
    }
}
