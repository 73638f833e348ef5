using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Fails with <see cref="FailingActivity"/>'s failure.</summary>
public sealed class FailingOrchestrator : TaskOrchestrator<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(FailingActivity), input);
}
