using Microsoft.Extensions.Logging;
using Dt = Microsoft.DurableTask;
using Mg = MediaGen.Durable;

namespace MediaGen.Functions.Durable;

/// <summary>
/// MediaGen's <see cref="Mg.TaskOrchestrationContext"/> over Durable Functions' context: one line per member,
/// so orchestrations written once run unchanged on Durable Functions.
/// </summary>
public sealed class DurableOrchestrationContextAdapter(Dt.TaskOrchestrationContext inner, ILoggerFactory loggerFactory) : Mg.TaskOrchestrationContext
{
    public override Mg.TaskName Name => new(inner.Name.Name);

    public override string InstanceId => inner.InstanceId;

    public override bool IsReplaying => inner.IsReplaying;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>() where T : default => inner.GetInput<T>();

    public override Task<TResult> CallActivityAsync<TResult>(Mg.TaskName name, object? input = null, Mg.TaskOptions? options = null) =>
        DurableConversions.Translate(inner.CallActivityAsync<TResult>(name.ToDurable(), input, options.ToDurable()));

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(Mg.TaskName orchestratorName, object? input = null, Mg.TaskOptions? options = null) =>
        DurableConversions.Translate(inner.CallSubOrchestratorAsync<TResult>(orchestratorName.ToDurable(), input, options.ToDurable()));

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object? payload) => inner.SendEvent(instanceId, eventName, payload!);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();

    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
}
