using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Runs one <see cref="SlowActivity"/> and returns its run count.</summary>
public sealed class SlowOrchestrator : TaskOrchestrator<SlowWork, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, SlowWork input) =>
        context.CallActivityAsync<int>(nameof(SlowActivity), input);
}
