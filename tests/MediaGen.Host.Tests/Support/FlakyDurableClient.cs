using Azure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MediaGen.Durable.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Host.Tests.Support;

/// <summary>
/// The real client, except that starting an instance fails like an unreachable storage account the first
/// <c>failures</c> times (negative: always) — a transient fault below the job service.
/// </summary>
public sealed class FlakyDurableClient(DurableTaskClient inner, int failures) : DurableTaskClient
{
    public const string Detail = "storage-is-down-7f3a";

    private int _failuresLeft = failures;

    public int Failed { get; private set; }

    /// <summary>Replaces the host's client with a flaky one.</summary>
    public static Action<IServiceCollection> Install(int failures) =>
        services => services.AddSingleton<DurableTaskClient>(sp => new FlakyDurableClient(sp.GetRequiredService<DurableRuntimeClient>(), failures));

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (_failuresLeft != 0)
        {
            _failuresLeft--;
            Failed++;
            throw new RequestFailedException(503, Detail);
        }

        return inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellationToken);
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) =>
        inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        inner.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellationToken);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default) =>
        inner.PurgeAllInstancesAsync(filter, cancellationToken);

    public override Task<OrchestrationQueryPage> GetInstancesPageAsync(OrchestrationQuery query, CancellationToken cancellationToken = default) =>
        inner.GetInstancesPageAsync(query, cancellationToken);
}
