using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// The base of the hand-written orchestration contexts of unit tests: a non-replaying instance named
/// <paramref name="name"/> whose every operation throws <see cref="NotSupportedException"/> until a fake overrides it.
/// </summary>
internal abstract class FakeOrchestrationContext(string name) : TaskOrchestrationContext
{
    public override TaskName Name => name;

    public override string InstanceId => name.ToLowerInvariant();

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => DateTime.UnixEpoch;

    public override bool IsReplaying => false;

    public override TaskOrchestrationEntityFeature Entities => throw new NotSupportedException();

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public override T? GetInput<T>() where T : default => throw new NotSupportedException();

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => throw new NotSupportedException();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => throw new NotSupportedException();
}
