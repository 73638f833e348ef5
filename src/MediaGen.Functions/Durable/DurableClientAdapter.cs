using Dt = Microsoft.DurableTask.Client;
using Mg = MediaGen.Durable.Client;

namespace MediaGen.Functions.Durable;

/// <summary>
/// MediaGen's <see cref="Mg.DurableTaskClient"/> over Durable Functions' client (from <c>[DurableClient]</c>),
/// so the job service runs unchanged in the Functions app. One line per member.
/// </summary>
public sealed class DurableClientAdapter(Dt.DurableTaskClient inner) : Mg.DurableTaskClient
{
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        MediaGen.Durable.TaskName orchestratorName, object? input = null, Mg.StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.ScheduleNewOrchestrationInstanceAsync(
            orchestratorName.ToDurable(), input, options is null ? null : new Microsoft.DurableTask.StartOrchestrationOptions(options.InstanceId, options.StartAt), cancellationToken);

    public override async Task<Mg.OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        ToMediaGen(await inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken));

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        inner.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public override async Task<Mg.OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        ToMediaGen(await inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellationToken))!;

    public override async Task<Mg.PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        new((await inner.PurgeInstanceAsync(instanceId, cancellationToken)).PurgedInstanceCount);

    public override async Task<Mg.PurgeResult> PurgeAllInstancesAsync(Mg.PurgeInstancesFilter filter, CancellationToken cancellationToken = default) =>
        new((await inner.PurgeAllInstancesAsync(
            new Dt.PurgeInstancesFilter(filter.CreatedFrom, filter.CreatedTo, filter.Statuses?.Select(ToDurable)), cancellationToken)).PurgedInstanceCount);

    public override async Task<Mg.OrchestrationQueryPage> GetInstancesPageAsync(Mg.OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        var durableQuery = new Dt.OrchestrationQuery(
            query.CreatedFrom, query.CreatedTo, query.Statuses?.Select(ToDurable), null, query.PageSize, query.FetchInputsAndOutputs, query.ContinuationToken, query.InstanceIdPrefix);
        await foreach (var page in inner.GetAllInstancesAsync(durableQuery).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return new Mg.OrchestrationQueryPage(page.Values.Select(m => ToMediaGen(m)!).ToList(), page.ContinuationToken);
        }

        return new Mg.OrchestrationQueryPage([], null);
    }

    private static Microsoft.DurableTask.Client.OrchestrationRuntimeStatus ToDurable(Mg.OrchestrationRuntimeStatus status) =>
        Enum.Parse<Dt.OrchestrationRuntimeStatus>(status.ToString());

    private static Mg.OrchestrationMetadata? ToMediaGen(Dt.OrchestrationMetadata? metadata) => metadata is null
        ? null
        : new Mg.OrchestrationMetadata(metadata.Name, metadata.InstanceId)
        {
            RuntimeStatus = Enum.TryParse<Mg.OrchestrationRuntimeStatus>(metadata.RuntimeStatus.ToString(), out var status) ? status : Mg.OrchestrationRuntimeStatus.Running,
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            SerializedInput = metadata.SerializedInput,
            SerializedOutput = metadata.SerializedOutput,
            SerializedCustomStatus = metadata.SerializedCustomStatus,
            FailureDetails = metadata.FailureDetails.ToMediaGen(),
        };
}
