using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Runs <see cref="GatedOrchestrator"/> as a sub-orchestration whose instance id is the input; returns its output.</summary>
public sealed class GatedParentOrchestrator : TaskOrchestrator<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallSubOrchestratorAsync<string>(nameof(GatedOrchestrator), null, new SubOrchestrationOptions { InstanceId = input });
}
