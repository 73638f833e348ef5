using MediaGen.Durable.Client;
using MediaGen.Durable.Engine;
using MediaGen.Durable.History;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Turns a batch of messages for one instance into its next state: drops duplicated and stale messages,
/// runs one episode (or several, across continue-as-new), appends history and fills the outbox.
/// Storage-agnostic and free of I/O: the caller loads, stores and sends.
/// </summary>
internal sealed partial class EpisodeProcessor(
    Func<string, ITaskOrchestrator?> createOrchestrator,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider)
{
    private const int MaxContinueAsNewPerEpisode = 100;
    private readonly ILogger _logger = loggerFactory.CreateLogger<EpisodeProcessor>();

    public EpisodeResult Process(InstanceState? state, IReadOnlyList<WorkMessage> messages)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var replies = new List<WorkMessage>();
        var batch = messages.ToList();

        if (state is not null && !state.IsTerminal && state.History.Count > 0)
        {
            // A sub-orchestration start from another parent while this instance runs: refuse it.
            foreach (var clash in batch.Where(m => m.Event is ExecutionStarted { Parent: not null } && m.Id != state.CreationMessageId).ToList())
            {
                replies.Add(ParentReply(clash, new SubOrchestrationInstanceFailed(
                    ((ExecutionStarted)clash.Event).Parent!.TaskScheduledId,
                    new TaskFailureDetails("MediaGen.Durable.InstanceExists", $"Instance '{state.InstanceId}' already exists and is running.")), now));
                batch.Remove(clash);
            }
        }

        if (state is null || (state.IsTerminal && IsRestart(state, batch)))
        {
            var start = batch.FirstOrDefault(m => m.Event is ExecutionStarted && (state is null || m.Id != state.CreationMessageId));
            if (start is null)
            {
                LogDropped(_logger, batch.Count, messages.FirstOrDefault()?.InstanceId ?? "", "the instance does not exist");
                return replies.Count == 0 ? EpisodeResult.Unchanged : new EpisodeResult(null, replies);
            }

            var started = (ExecutionStarted)start.Event;
            state = new InstanceState
            {
                InstanceId = start.InstanceId,
                Name = started.Name,
                ExecutionId = started.ExecutionId,
                CreatedAt = now,
                LastUpdatedAt = now,
                Input = started.Input,
                Parent = started.Parent,
                CreationMessageId = start.Id,
            };
        }
        else if (state.IsTerminal)
        {
            return replies.Count == 0 ? EpisodeResult.Unchanged : new EpisodeResult(null, replies);
        }

        batch = [.. state.Inbox, .. batch];
        var index = new HistoryIndex(state.History);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<WorkMessage>();
        WorkMessage? startMessage = null;
        WorkMessage? stop = null;
        foreach (var message in batch)
        {
            if (!seen.Add(message.Id) || (message.ExecutionId is not null && index.Started && message.ExecutionId != state.ExecutionId))
            {
                continue;
            }

            switch (message.Event)
            {
                case ExecutionStarted when !index.Started && startMessage is null && message.Id == state.CreationMessageId:
                    startMessage = message;
                    break;
                case ExecutionTerminated or ExecutionCompleted:
                    stop ??= message;
                    break;
                case EventRaised when !index.Started:
                    accepted.Add(message);
                    break;
                default:
                    if (index.TryAccept(message.Event))
                    {
                        accepted.Add(message);
                    }

                    break;
            }
        }

        if (stop is not null)
        {
            return new EpisodeResult(Stop(state, stop, now), [.. state.Outbox, .. replies]);
        }

        if (!index.Started && (startMessage is null || startMessage.DueAt > now))
        {
            // Not started yet (scheduled for later): keep what arrived until the start is due.
            var waiting = accepted.Where(m => !state.Inbox.Contains(m)).ToList();
            if (waiting.Count == 0)
            {
                return replies.Count == 0 ? EpisodeResult.Unchanged : new EpisodeResult(null, replies);
            }

            state.Inbox = [.. state.Inbox, .. waiting];
            if (startMessage is not null && !state.Inbox.Contains(startMessage))
            {
                state.Inbox.Insert(0, startMessage);
            }

            state.LastUpdatedAt = now;
            state.Outbox = [];
            return new EpisodeResult(state, replies);
        }

        var newEvents = (startMessage is null ? accepted : [startMessage, .. accepted]).Select(m => m.Event with { Timestamp = now }).ToList();
        if (newEvents.Count == 0)
        {
            return replies.Count == 0 ? EpisodeResult.Unchanged : new EpisodeResult(null, replies);
        }

        state.Inbox = [];
        var sends = RunEpisodes(state, newEvents, now);
        sends.AddRange(replies);
        state.Outbox = sends;
        state.LastUpdatedAt = now;
        return new EpisodeResult(state, sends);
    }

    private List<WorkMessage> RunEpisodes(InstanceState state, List<HistoryEvent> newEvents, DateTime now)
    {
        var sends = new List<WorkMessage>();
        for (var round = 0; ; round++)
        {
            var orchestrator = createOrchestrator(state.Name);
            var episode = new List<HistoryEvent>(newEvents.Count + 4) { new OrchestratorStarted { Timestamp = now } };
            episode.AddRange(newEvents);
            ExecutionOutcome outcome = orchestrator is null
                ? new([], OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails("MediaGen.Durable.OrchestratorNotRegistered", $"No orchestrator named '{state.Name}' is registered with this worker."), null, [])
                : OrchestrationExecutor.Execute(orchestrator, state.InstanceId, state.History, episode, loggerFactory);

            episode.AddRange(outcome.NewActions);
            sends.AddRange(outcome.NewActions.Select(action => ToMessage(state, action)));
            state.CustomStatus = outcome.CustomStatus;
            state.Status = outcome.Status;
            if (outcome.Status == OrchestrationRuntimeStatus.ContinuedAsNew && round >= MaxContinueAsNewPerEpisode)
            {
                outcome = outcome with
                {
                    Status = OrchestrationRuntimeStatus.Failed,
                    FailureDetails = new TaskFailureDetails("MediaGen.Durable.ContinueAsNewLoop", $"The orchestration continued as new {MaxContinueAsNewPerEpisode} times without waiting for anything."),
                };
                state.Status = OrchestrationRuntimeStatus.Failed;
            }

            if (outcome.Status != OrchestrationRuntimeStatus.ContinuedAsNew)
            {
                if (outcome.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed)
                {
                    state.Output = outcome.Output;
                    state.FailureDetails = outcome.FailureDetails;
                    episode.Add(new ExecutionCompleted(outcome.Status, outcome.Output, outcome.FailureDetails) { Timestamp = now });
                    if (NotifyParent(state, outcome.Output, outcome.FailureDetails, now) is { } notice)
                    {
                        sends.Add(notice);
                    }
                }

                episode.Add(new OrchestratorCompleted { Timestamp = now });
                state.History.AddRange(episode);
                return sends;
            }

            // Continue-as-new: a fresh execution with an empty history starts right away, in this same write.
            state.ExecutionId = Guid.NewGuid().ToString("N");
            state.Input = outcome.Output;
            state.History = [];
            newEvents = [new ExecutionStarted(state.Name, state.ExecutionId, outcome.Output, state.Parent) { Timestamp = now }, .. outcome.CarriedEvents];
        }
    }

    private InstanceState Stop(InstanceState state, WorkMessage stop, DateTime now)
    {
        var (status, record, failure, output) = stop.Event switch
        {
            ExecutionTerminated t => (OrchestrationRuntimeStatus.Terminated, (HistoryEvent)t, new TaskFailureDetails("MediaGen.Durable.Terminated", $"Instance '{state.InstanceId}' was terminated: {t.Reason}"), t.Reason),
            ExecutionCompleted c => (OrchestrationRuntimeStatus.Failed, c, c.FailureDetails, null),
            _ => throw new ArgumentOutOfRangeException(nameof(stop)),
        };
        state.History.AddRange([new OrchestratorStarted { Timestamp = now }, record with { Timestamp = now }, new OrchestratorCompleted { Timestamp = now }]);
        state.Status = status;
        state.Output = output;
        state.FailureDetails = status == OrchestrationRuntimeStatus.Failed ? failure : null;
        state.Inbox = [];
        state.LastUpdatedAt = now;
        state.Outbox = NotifyParent(state, null, failure, now) is { } notice ? [notice] : [];
        return state;
    }

    private static bool IsRestart(InstanceState state, List<WorkMessage> batch) =>
        batch.Any(m => m.Event is ExecutionStarted { Parent: not null } && m.Id != state.CreationMessageId);

    private static WorkMessage? NotifyParent(InstanceState state, string? output, TaskFailureDetails? failure, DateTime now)
    {
        if (state.Parent is not { } parent)
        {
            return null;
        }

        HistoryEvent result = failure is null
            ? new SubOrchestrationInstanceCompleted(parent.TaskScheduledId, output)
            : new SubOrchestrationInstanceFailed(parent.TaskScheduledId, failure);
        return new WorkMessage($"{state.InstanceId}/{state.ExecutionId}/done", parent.InstanceId, parent.ExecutionId, result with { Timestamp = now });
    }

    private static WorkMessage ParentReply(WorkMessage start, HistoryEvent result, DateTime now)
    {
        var parent = ((ExecutionStarted)start.Event).Parent!;
        return new WorkMessage(start.Id + "/refused", parent.InstanceId, parent.ExecutionId, result with { Timestamp = now });
    }

    private static WorkMessage ToMessage(InstanceState state, HistoryEvent action)
    {
        var prefix = $"{state.InstanceId}/{state.ExecutionId}/";
        return action switch
        {
            TaskScheduled t => new WorkMessage(prefix + "t" + t.TaskId, state.InstanceId, state.ExecutionId, t),
            TimerCreated t => new WorkMessage(prefix + "timer" + t.TimerId, state.InstanceId, state.ExecutionId, new TimerFired(t.TimerId, t.FireAt) { Timestamp = t.Timestamp }) { DueAt = t.FireAt },
            SubOrchestrationInstanceCreated s => new WorkMessage(
                prefix + "s" + s.TaskId,
                s.InstanceId,
                null,
                new ExecutionStarted(s.Name, Guid.NewGuid().ToString("N"), s.Input, new ParentInstance(state.InstanceId, state.ExecutionId, s.TaskId)) { Timestamp = s.Timestamp }),
            EventSent e => new WorkMessage(prefix + "e" + e.EventId, e.InstanceId, null, new EventRaised(e.Name, e.Input, prefix + "e" + e.EventId) { Timestamp = e.Timestamp }),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} message(s) for instance {InstanceId}: {Reason}")]
    private static partial void LogDropped(ILogger logger, int count, string instanceId, string reason);
}
