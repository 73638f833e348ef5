using System.Globalization;
using MediaGen.Durable.History;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Engine;

/// <summary>
/// The orchestration context of one episode. The code's actions are numbered in the order it takes
/// them; applying history matches each recorded action against the code's, and completes the tasks
/// the code awaits from the recorded results.
/// </summary>
internal sealed class ReplayOrchestrationContext(TaskName name, string instanceId, string? input, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    private readonly SortedDictionary<int, HistoryEvent> _unmatchedActions = [];
    private readonly Dictionary<int, IOpenTask> _openTasks = [];
    private readonly Dictionary<int, TaskCompletionSource> _openTimers = [];
    private readonly List<EventRaised> _bufferedEvents = [];
    private readonly Dictionary<string, LinkedList<IEventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private int _sequence;
    private int _guidCounter;
    private DateTime _currentUtc;

    public override TaskName Name => name;

    public override string InstanceId => instanceId;

    public override bool IsReplaying => Replaying;

    public override DateTime CurrentUtcDateTime => _currentUtc;

    internal bool Replaying { get; set; }

    internal string? CustomStatus { get; private set; }

    internal (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    internal IEnumerable<HistoryEvent> NewActions => _unmatchedActions.Values;

    internal IReadOnlyList<EventRaised> BufferedEvents => _bufferedEvents;

    /// <summary>Whether anything durable is still awaited (otherwise the code awaits something non-durable).</summary>
    internal bool HasOpenWork =>
        _openTasks.Count > 0 || _openTimers.Values.Any(t => !t.Task.IsCompleted) || _waiters.Values.Any(list => list.Any(w => !w.IsDone));

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>()
        where T : default => JsonDataConverter.Deserialize<T>(input);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var serialized = JsonDataConverter.Serialize(input);
        return WithRetry(() => Schedule<TResult>(id => new TaskScheduled(id, name, serialized), name), options?.RetryPolicy);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var serialized = JsonDataConverter.Serialize(input);
        var explicitId = (options as SubOrchestrationOptions)?.InstanceId;
        return WithRetry(
            () => Schedule<TResult>(
                id => new SubOrchestrationInstanceCreated(id, orchestratorName, explicitId ?? NewGuid().ToString("N"), serialized),
                orchestratorName),
            options?.RetryPolicy);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var id = _sequence++;
        _unmatchedActions[id] = new TimerCreated(id, utc) { Timestamp = _currentUtc };
        var timer = new TaskCompletionSource();
        _openTimers[id] = timer;
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => timer.TrySetCanceled(cancellationToken));
        }

        return timer.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var waiter = new EventWaiter<T>();
        var index = _bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = _bufferedEvents[index];
            _bufferedEvents.RemoveAt(index);
            waiter.Deliver(buffered.Input);
            return waiter.Task;
        }

        if (!_waiters.TryGetValue(eventName, out var list))
        {
            _waiters[eventName] = list = new LinkedList<IEventWaiter>();
        }

        var node = list.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    list.Remove(node);
                }

                waiter.Cancel(cancellationToken);
            });
        }

        return waiter.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object? payload)
    {
        var id = _sequence++;
        _unmatchedActions[id] = new EventSent(id, instanceId, eventName, JsonDataConverter.Serialize(payload)) { Timestamp = _currentUtc };
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatus = JsonDataConverter.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (JsonDataConverter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid() =>
        DeterministicGuid.Create(string.Concat(
            instanceId, "_", _currentUtc.ToString("o", CultureInfo.InvariantCulture), "_", (_guidCounter++).ToString(CultureInfo.InvariantCulture)));

    /// <summary>Applies one history event (past or new) to the code's state.</summary>
    internal void Apply(HistoryEvent historyEvent, bool orchestratorDone)
    {
        switch (historyEvent)
        {
            case OrchestratorStarted started:
                _currentUtc = started.Timestamp;
                break;
            case TaskScheduled or TimerCreated or SubOrchestrationInstanceCreated or EventSent:
                MatchAction(historyEvent, orchestratorDone);
                break;
            case TaskCompleted completed:
                TakeOpenTask(completed.TaskScheduledId)?.Complete(completed.Result);
                break;
            case TaskFailed failed:
                TakeOpenTask(failed.TaskScheduledId)?.Fail(failed.FailureDetails);
                break;
            case SubOrchestrationInstanceCompleted completed:
                TakeOpenTask(completed.TaskScheduledId)?.Complete(completed.Result);
                break;
            case SubOrchestrationInstanceFailed failed:
                TakeOpenTask(failed.TaskScheduledId)?.Fail(failed.FailureDetails);
                break;
            case TimerFired fired:
                if (_openTimers.Remove(fired.TimerId, out var timer))
                {
                    timer.TrySetResult();
                }

                break;
            case EventRaised raised:
                DeliverEvent(raised);
                break;
        }
    }

    private void MatchAction(HistoryEvent recorded, bool orchestratorDone)
    {
        var id = recorded switch
        {
            TaskScheduled e => e.TaskId,
            TimerCreated e => e.TimerId,
            SubOrchestrationInstanceCreated e => e.TaskId,
            EventSent e => e.EventId,
            _ => throw new ArgumentOutOfRangeException(nameof(recorded)),
        };
        if (!_unmatchedActions.Remove(id, out var action))
        {
            throw new NonDeterministicOrchestrationException(orchestratorDone
                ? $"history records {Describe(recorded)} after the code had already finished."
                : $"history records {Describe(recorded)} but the code did not take action #{id}.");
        }

        var same = (recorded, action) switch
        {
            (TaskScheduled r, TaskScheduled a) => r.Name == a.Name,
            (TimerCreated, TimerCreated) => true,
            (SubOrchestrationInstanceCreated r, SubOrchestrationInstanceCreated a) => r.Name == a.Name,
            (EventSent r, EventSent a) => r.Name == a.Name && r.InstanceId == a.InstanceId,
            _ => false,
        };
        if (!same)
        {
            throw new NonDeterministicOrchestrationException(
                $"history records {Describe(recorded)} but the code now takes {Describe(action)} as action #{id}.");
        }
    }

    private IOpenTask? TakeOpenTask(int id) => _openTasks.Remove(id, out var task) ? task : null;

    private void DeliverEvent(EventRaised raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var list))
        {
            while (list.First is { } first)
            {
                list.RemoveFirst();
                if (!first.Value.IsDone)
                {
                    first.Value.Deliver(raised.Input);
                    return;
                }
            }
        }

        _bufferedEvents.Add(raised);
    }

    private Task<T> Schedule<T>(Func<int, HistoryEvent> createAction, string taskName)
    {
        var id = _sequence++;
        _unmatchedActions[id] = createAction(id) with { Timestamp = _currentUtc };
        var open = new OpenTask<T>(taskName, id);
        _openTasks[id] = open;
        return open.Task;
    }

    private async Task<T> WithRetry<T>(Func<Task<T>> attempt, RetryPolicy? policy)
    {
        if (policy is null)
        {
            return await attempt();
        }

        var firstAttemptAt = _currentUtc;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure)
            {
                var delay = policy.GetDelay(number + 1);
                var outOfTime = policy.RetryTimeout != Timeout.InfiniteTimeSpan
                    && _currentUtc + delay > firstAttemptAt + policy.RetryTimeout;
                if (number >= policy.MaxNumberOfAttempts || outOfTime || !policy.HandleFailure(failure.FailureDetails))
                {
                    throw;
                }

                await CreateTimer(delay, CancellationToken.None);
            }
        }
    }

    private static string Describe(HistoryEvent action) => action switch
    {
        TaskScheduled e => $"activity '{e.Name}' (#{e.TaskId})",
        TimerCreated e => $"a timer (#{e.TimerId})",
        SubOrchestrationInstanceCreated e => $"sub-orchestration '{e.Name}' (#{e.TaskId})",
        EventSent e => $"event '{e.Name}' sent to '{e.InstanceId}' (#{e.EventId})",
        _ => action.GetType().Name,
    };
}
