using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Calls <see cref="StorageProbe"/> once and returns its result.</summary>
public sealed class StorageProbeOrchestrator : TaskOrchestrator<string, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<int>(nameof(StorageProbe), input);
}
