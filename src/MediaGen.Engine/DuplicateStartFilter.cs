namespace MediaGen.Engine;

/// <summary>
/// Recognises a sub-orchestration start that its parent sent again. DurableTask.Core gives every sub-orchestration start a
/// new execution id (<c>TaskOrchestrationDispatcher</c>, <c>Guid.NewGuid()</c>), and the Azure Storage backend sends an
/// episode's messages before it saves the episode, so a parent episode that ran again after its save failed (a storage
/// outage) sends a second <c>ExecutionStarted</c> for the same child instance with another execution id. The backend
/// deduplicates starts only for instances without a parent (<c>DedupeExecutionStartedMessagesAsync</c>), and it fetches the
/// history of the second start's execution id: none, so it runs that start as the child's first episode, and its save
/// either overwrites the child's history (the child starts over) or fails as "split brain" against the child's own saves,
/// again and again. A start is a repeat when its instance already has an execution with another id whose parent is the
/// start's parent, and that execution did not continue as new (a continued execution's start carries the parent too).
/// </summary>
internal static class DuplicateStartFilter
{
    /// <summary>The sub-orchestration start in <paramref name="workItem"/> that should not run, or null.</summary>
    /// <param name="workItem">A work item whose history is empty (a first episode).</param>
    /// <param name="current">The instance's latest execution as the backend's instance table has it, or null.</param>
    public static TaskMessage? RepeatedStart(TaskOrchestrationWorkItem workItem, OrchestrationState? current)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        if (workItem.OrchestrationRuntimeState.ExecutionStartedEvent is not null || current is null)
        {
            return null;
        }

        var start = workItem.NewMessages.FirstOrDefault(m => m.Event is ExecutionStartedEvent { ParentInstance: not null });
        if (start is null || start.Event is not ExecutionStartedEvent { ParentInstance.OrchestrationInstance: { } parent })
        {
            return null;
        }

        var existing = current.OrchestrationInstance?.ExecutionId;
        return existing is { Length: > 0 }
            && !string.Equals(existing, start.OrchestrationInstance.ExecutionId, StringComparison.Ordinal)
            && current.OrchestrationStatus != OrchestrationStatus.ContinuedAsNew
            && string.Equals(current.ParentInstance?.OrchestrationInstance?.InstanceId, parent.InstanceId, StringComparison.Ordinal)
                ? start
                : null;
    }
}
