using System.Collections.Concurrent;

namespace MediaGen.Engine;

/// <summary>
/// The Azure Storage backend as the engine's worker sees it, with repairs for what a crashed host or a DTFx bug leaves behind.
/// <list type="bullet">
/// <item>The backend saves an episode's history before it deletes the messages the episode consumed, so a host killed
/// in between has those messages delivered again; and an episode retried after a failure sends its activities again, so
/// an activity can run twice. Either way the history would record a second outcome (a task, timer or sub-orchestration
/// completing twice, an event raised twice). Messages repeating an event of the history or of their batch are dropped
/// before the episode runs (<see cref="RedeliveredMessageFilter"/>); replay ignored them anyway, so only the history
/// changes.</item>
/// <item>The backend sends an episode's new activity messages before it saves the episode, so this process can pick up
/// such an activity while its orchestration is unsaved. Were the activity to crash the process at once, the episode would
/// never be saved and would run again after a restart, sending another copy of the activity each time: a crash loop no
/// delivery count ends, since every copy is a new message. Activities wait for their episode's checkpoint instead
/// (<see cref="WaitForCheckpointAsync"/>: milliseconds, only when this process is saving that instance).</item>
/// <item>When the backend fails to return an out-of-order message to its queue while locking the next orchestration work
/// item, it throws without releasing the instance's session, and the instance never runs again in this process. The
/// failure is recognised from the backend's own events (<see cref="SessionLeakDetector"/>) and the session released.</item>
/// <item>The backend forgets an activity's work item only once completing or abandoning it succeeded, and refuses for good a
/// message it still holds. Both are tried again while storage is unavailable, and while an activity of this process rides
/// out an outage no new activity message is taken (<see cref="ActivityOutageGate"/>), so the held work item's pop receipt
/// stays valid and completing it succeeds once storage answers.</item>
/// <item>A parent episode that ran again after its save failed sends its sub-orchestration starts again, each with a new
/// execution id, which the backend would run as the child's first episode over its existing history. Such a repeated start
/// is dropped before its episode runs (<see cref="DuplicateStartFilter"/>). Should that check fail (storage unavailable),
/// the work item goes back to the backend before the failure is reported, so the instance's session is not left locked.</item>
/// </list>
/// </summary>
internal sealed partial class GuardedOrchestrationService(
    IOrchestrationService inner, IOrchestrationServiceClient innerClient, ActivityOutageGate outageGate, ILogger<GuardedOrchestrationService> logger)
    : IOrchestrationService
{
    // How long one activity lock call waits at a closed ActivityOutageGate before it returns nothing (and is asked again).
    private static readonly TimeSpan GateWait = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Task> _checkpoints = new(StringComparer.Ordinal);

public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    /// <summary>Completes when no episode of <paramref name="instanceId"/> is being saved by this process.</summary>
    public Task WaitForCheckpointAsync(string instanceId) =>
        _checkpoints.TryGetValue(instanceId, out var checkpoint) ? checkpoint : Task.CompletedTask;

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        // One work item per instance at a time: the backend's session lock guarantees it within a process.
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _checkpoints[workItem.InstanceId] = saved.Task;
        try
        {
            await inner.CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        }
        finally
        {
            _checkpoints.TryRemove(new KeyValuePair<string, Task>(workItem.InstanceId, saved.Task));
            // Waiting activities go on whatever the outcome: a failed checkpoint is retried by the backend.
            saved.SetResult();
        }
    }

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskOrchestrationWorkItem? workItem;
        using (var attempt = SessionLeakDetector.Begin())
        {
            try
            {
                workItem = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt.LeakedInstanceId is { } instanceId)
            {
                // The backend kept the session it failed to hand out; releasing it (by instance id, all the release uses)
                // lets the instance's next messages run. The messages of the failed batch come back after their
                // visibility timeout, as after any failed lock.
                LogLeakedSessionReleased(e, instanceId);
                await inner.ReleaseTaskOrchestrationWorkItemAsync(new TaskOrchestrationWorkItem { InstanceId = instanceId }).ConfigureAwait(false);
                return null!;
            }
        }

        if (workItem is not null)
        {
            bool repeatedStart;
            try
            {
                repeatedStart = await IsRepeatedStartAsync(workItem).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The backend handed this instance's session out with the work item; DurableTask.Core releases only work
                // items it received, so a throw from here would leave the session locked for good and every later message
                // of the instance would join it unrun (a storage outage while a child's first start was checked did that).
                // Give the work item back first: its messages run again once they are visible.
                await GiveBackAsync(workItem, e).ConfigureAwait(false);
                throw;
            }

            if (repeatedStart)
            {
                // DurableTask.Core drops a work item whose history is invalid, and the backend then deletes its messages
                // without saving anything: the repeated start goes, the child's own execution is untouched.
                workItem.OrchestrationRuntimeState = new OrchestrationRuntimeState([new OrchestratorStartedEvent(-1), new OrchestratorCompletedEvent(-1)]);
                return workItem;
            }

            workItem.NewMessages = DropRedelivered(workItem, workItem.NewMessages);
            if (workItem.Session is { } session)
            {
                // Extended sessions fetch the next messages through the session, not through this method.
                workItem.Session = new FilteringSession(session, this);
            }
        }

        return workItem!;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        // While an activity rides out an outage, its own message may be visible again: taking it now would replace the
        // held work item's pop receipt (ActivityOutageGate). The dispatcher asks again when this returns nothing.
        if (!await outageGate.WaitUntilOpenAsync(receiveTimeout < GateWait ? receiveTimeout : GateWait, cancellationToken).ConfigureAwait(false))
        {
            return null!;
        }

        // The backend waits inside this call until a message comes; should the gate close meanwhile (storage is down then),
        // the call stops waiting and returns nothing instead of taking, once storage is back, the held activity's message.
        using var openPeriod = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, outageGate.OpenPeriod);
        return await inner.LockNextTaskActivityWorkItem(receiveTimeout, openPeriod.Token).ConfigureAwait(false);
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    // The backend forgets an activity's work item only once completing succeeded; failing while storage is down would keep
    // it, and the activity's message would be refused ever after as "processed multiple times concurrently" (docs/durable.md).
    // A retry after the result was sent but before the message was deleted sends the result again: a duplicate dropped
    // before its episode runs.
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        FinishActivityAsync(workItem, () => inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage), "complete");

    // Abandoning is tried again the same way: only a successful abandon makes the backend forget the work item.
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        FinishActivityAsync(workItem, () => inner.AbandonTaskActivityWorkItemAsync(workItem), "abandon");

    private async Task FinishActivityAsync(TaskActivityWorkItem workItem, Func<Task> finish, string action)
    {
        var key = ActivityOutageGate.KeyOf(workItem);
        try
        {
            await StorageOutageRetry.RunAsync(
                async () =>
                {
                    await finish().ConfigureAwait(false);
                    return true;
                },
                (e, attempt, delay) =>
                {
                    outageGate.Hold(key);
                    LogFinishRetried(action, workItem.TaskMessage.OrchestrationInstance.InstanceId, attempt, delay, e.Message);
                }).ConfigureAwait(false);
        }
        finally
        {
            // Finished, or failed for good (the dispatcher logs it): either way this process no longer waits for it.
            outageGate.Release(key);
        }
    }

    // Only a first episode (no history) that is a parent's start, alone or with events raised without an execution id (a
    // webhook's event joins whichever batch of its instance forms first), is looked at, and only then is the instance read.
    private async Task<bool> IsRepeatedStartAsync(TaskOrchestrationWorkItem workItem)
    {
        if (workItem.OrchestrationRuntimeState.ExecutionStartedEvent is not null
            || workItem.NewMessages.Count(m => m.Event is ExecutionStartedEvent) != 1
            || !workItem.NewMessages.All(m => m.Event is ExecutionStartedEvent { ParentInstance: not null } || IsUnboundEvent(m)))
        {
            return false;
        }

        var current = (await innerClient.GetOrchestrationStateAsync(workItem.InstanceId, allExecutions: false).ConfigureAwait(false))
            .FirstOrDefault();
        if (DuplicateStartFilter.RepeatedStart(workItem, current) is not { } repeated)
        {
            return false;
        }

        // The batch goes as a whole (the backend deletes its messages); the events in it belong to the running execution,
        // so they are sent to the instance again first. Should a send fail, the work item is given back whole.
        foreach (var raised in workItem.NewMessages.Where(IsUnboundEvent))
        {
            await innerClient.SendTaskOrchestrationMessageAsync(new TaskMessage
            {
                OrchestrationInstance = new OrchestrationInstance { InstanceId = workItem.InstanceId },
                Event = raised.Event,
            }).ConfigureAwait(false);
            LogEventResent(((EventRaisedEvent)raised.Event).Name, workItem.InstanceId);
        }

        LogRepeatedStartDropped(workItem.InstanceId, repeated.OrchestrationInstance.ExecutionId, current!.OrchestrationInstance.ExecutionId);
        return true;
    }

    private static bool IsUnboundEvent(TaskMessage message) =>
        message.Event is EventRaisedEvent && string.IsNullOrEmpty(message.OrchestrationInstance?.ExecutionId);

    private async Task GiveBackAsync(TaskOrchestrationWorkItem workItem, Exception cause)
    {
        LogGivenBack(cause, workItem.InstanceId);
        try
        {
            // Returns the batch's messages to the queue (when storage answers; otherwise they come back after their
            // visibility timeout).
            await inner.AbandonTaskOrchestrationWorkItemAsync(workItem).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogGiveBackStepFailed(e, "abandon", workItem.InstanceId);
        }

        try
        {
            // Unlocks the instance's session in this process.
            await inner.ReleaseTaskOrchestrationWorkItemAsync(workItem).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogGiveBackStepFailed(e, "release", workItem.InstanceId);
        }
    }

    private IList<TaskMessage> DropRedelivered(TaskOrchestrationWorkItem workItem, IList<TaskMessage> messages)
    {
        var kept = RedeliveredMessageFilter.Without(messages, workItem.OrchestrationRuntimeState);
        if (kept.Count != messages.Count)
        {
            foreach (var dropped in messages.Except(kept))
            {
                LogDropped(dropped.Event.EventType, workItem.InstanceId);
            }
        }

        return kept;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released the orchestration session of instance {InstanceId}: the Azure Storage backend could not return a message it had received out of order and left the session locked (a DTFx bug, docs/durable.md); the instance's messages run again")]
    private partial void LogLeakedSessionReleased(Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave the orchestration work item of instance {InstanceId} back to the backend: checking it before it runs failed; its messages run again")]
    private partial void LogGivenBack(Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Step} the orchestration work item of instance {InstanceId} while giving it back")]
    private partial void LogGiveBackStepFailed(Exception exception, string step, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Action} an activity of instance {InstanceId}: storage is unavailable (try {Attempt}); trying again in {Delay}: {Reason}")]
    private partial void LogFinishRetried(string action, string instanceId, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a repeated start of sub-orchestration {InstanceId} (execution {RepeatedExecutionId}): it runs as execution {ExecutionId}; its parent's episode ran again and sent the start again (docs/durable.md)")]
    private partial void LogRepeatedStartDropped(string instanceId, string repeatedExecutionId, string executionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sent event {EventName} to instance {InstanceId} again: it arrived in one batch with a repeated start of the instance, which is dropped")]
    private partial void LogEventResent(string eventName, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a repeated {EventType} message for instance {InstanceId}: its history or batch already holds that event (redelivered after a host stopped, or the result of an activity run twice)")]
    private partial void LogDropped(EventType eventType, string instanceId);

    private sealed class FilteringSession(IOrchestrationSession session, GuardedOrchestrationService service) : IOrchestrationSession
    {
        public async Task<IList<TaskMessage>?> FetchNewOrchestrationMessagesAsync(TaskOrchestrationWorkItem workItem)
        {
            var messages = await session.FetchNewOrchestrationMessagesAsync(workItem).ConfigureAwait(false);
            return messages is null ? null : service.DropRedelivered(workItem, messages);
        }

        public Task EndSessionAsync() => session.EndSessionAsync();
    }
}
