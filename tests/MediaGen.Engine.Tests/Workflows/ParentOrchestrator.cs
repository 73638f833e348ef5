using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Runs <see cref="ChainOrchestrator"/> on 1 as a sub-orchestration whose instance id is the input.</summary>
public sealed class ParentOrchestrator : TaskOrchestrator<string, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallSubOrchestratorAsync<int>(nameof(ChainOrchestrator), 1, new SubOrchestrationOptions { InstanceId = input });
}
