using System.Runtime.CompilerServices;

namespace MediaGen.Durable.Client;

/// <summary>
/// Starts, queries and controls orchestration instances. Shaped like
/// <c>Microsoft.DurableTask.Client.DurableTaskClient</c> so an adapter onto it is one line per member.
/// </summary>
public abstract class DurableTaskClient
{
    /// <summary>
    /// Schedules a new instance. Idempotent on <see cref="StartOrchestrationOptions.InstanceId"/>: an id that
    /// exists returns that instance's id and starts nothing.
    /// </summary>
    /// <returns>The instance id.</returns>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>The instance's state, or null when it does not exist.</summary>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Sends an event to an instance; delivered in order per event name, buffered until the instance waits.</summary>
    /// <exception cref="OrchestrationNotFoundException">No instance has this id: the event was not sent.</exception>
    public abstract Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    /// <summary>Terminates a pending or running instance; <paramref name="output"/> (the reason) becomes its output.</summary>
    /// <exception cref="OrchestrationNotFoundException">No instance has this id.</exception>
    public abstract Task TerminateInstanceAsync(
        string instanceId, object? output = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance has finished (completed, failed or terminated).</summary>
    /// <exception cref="OrchestrationNotFoundException">No instance has this id.</exception>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance and its history; a running one is left alone.</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every finished instance the filter selects.</summary>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One page of instances the query selects; pass the returned token back for the next page.</summary>
    public abstract Task<OrchestrationQueryPage> GetInstancesPageAsync(OrchestrationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every instance the query selects, page by page.</summary>
    public virtual async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(
        OrchestrationQuery? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = filter ?? new OrchestrationQuery();
        do
        {
            var page = await GetInstancesPageAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var instance in page.Instances)
            {
                yield return instance;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);
    }
}
