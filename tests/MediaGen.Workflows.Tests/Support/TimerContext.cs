using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// An orchestration context that only has a clock and timers, which fire as the Azure Storage backend's do (DESIGN §1): the
/// delay until a timer's time is rounded down to whole seconds, so a timer fires up to ~1 s early (at once when under a
/// second is left). A timer completes at once, moving the clock to when it fired. Everything else is unsupported.
/// </summary>
internal sealed class TimerContext(DateTime start) : TaskOrchestrationContext
{
    private DateTime _now = start;

    /// <summary>The fire times of the timers created, in order.</summary>
    public List<DateTime> Requested { get; } = [];

    public override TaskName Name => "Timers";

    public override string InstanceId => "timers";

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => false;

    public override TaskOrchestrationEntityFeature Entities => throw new NotSupportedException();

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requested.Add(fireAt);
        var delay = fireAt - _now;
        _now += delay > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Floor(delay.TotalSeconds)) : TimeSpan.Zero;
        return Task.CompletedTask;
    }

    public override T? GetInput<T>() where T : default => throw new NotSupportedException();

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => throw new NotSupportedException();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => throw new NotSupportedException();
}
