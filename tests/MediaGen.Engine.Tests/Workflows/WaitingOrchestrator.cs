using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Waits up to 10 minutes for an event nobody sends: an instance that stays Running.</summary>
public sealed class WaitingOrchestrator : TaskOrchestrator<string?, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.WaitForExternalEvent<string>("Never", TimeSpan.FromMinutes(10));
}
