using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Returns the instance id of its parent orchestration, or null at top level.</summary>
public sealed class ParentProbeOrchestrator : TaskOrchestrator<string?, string?>
{
    /// <inheritdoc />
    public override Task<string?> RunAsync(TaskOrchestrationContext context, string? input) =>
        Task.FromResult(context.Parent is { } parent ? $"{parent.Name.Name}/{parent.InstanceId}" : null);
}
