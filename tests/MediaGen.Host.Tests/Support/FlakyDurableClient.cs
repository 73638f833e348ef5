using Azure;
using DurableTask.Core.History;
using MediaGen.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MediaGen.Host.Tests.Support;

/// <summary>
/// The engine's real client, except that starting an instance fails like an unreachable storage account the first
/// <c>failures</c> times (negative: always) — a transient fault below the job service. Every other call goes to the
/// real client unchanged.
/// </summary>
public sealed class FlakyDurableClient(DurableTaskClient inner, int failures, int status = 503) : DurableTaskClient(inner.Name)
{
    public const string Detail = "storage-is-down-7f3a";

    private int _failuresLeft = failures;

    public int Failed { get; private set; }

    /// <summary>
    /// Replaces the host's client with a flaky one over the engine's client; its starts fail with storage's
    /// <paramref name="status"/> (503: unavailable; a 4xx: a refusal nobody expected).
    /// </summary>
    public static Action<IServiceCollection> Install(int failures, int status = 503) =>
        services => services.AddSingleton<DurableTaskClient>(sp => new FlakyDurableClient(sp.GetRequiredService<StandaloneDurableTaskClient>(), failures, status));

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (_failuresLeft != 0)
        {
            _failuresLeft--;
            Failed++;
            throw new RequestFailedException(status, Detail);
        }

        return inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Microsoft.DurableTask.AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        inner.GetAllInstancesAsync(filter);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.PurgeAllInstancesAsync(filter, options, cancellation);

    public override Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        inner.GetOrchestrationHistoryAsync(instanceId, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
