using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Returns what <see cref="ParentProbeOrchestrator"/>, run as its sub-orchestration, sees as its parent.</summary>
public sealed class FamilyOrchestrator : TaskOrchestrator<string?, string?>
{
    /// <inheritdoc />
    public override Task<string?> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.CallSubOrchestratorAsync<string?>(nameof(ParentProbeOrchestrator));
}
