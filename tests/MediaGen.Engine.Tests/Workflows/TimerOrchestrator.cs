using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Waits a durable timer of the input's seconds and reports orchestration time around it.</summary>
public sealed class TimerOrchestrator : TaskOrchestrator<int, TimerResult>
{
    /// <inheritdoc />
    public override async Task<TimerResult> RunAsync(TaskOrchestrationContext context, int seconds)
    {
        var before = context.CurrentUtcDateTime;
        await context.CreateTimer(TimeSpan.FromSeconds(seconds), CancellationToken.None);
        return new TimerResult(before, context.CurrentUtcDateTime);
    }
}
