using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Chains activities: (input + 2) × 2.</summary>
public sealed class ChainOrchestrator : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var value = await context.CallActivityAsync<int>(nameof(AddOne), input);
        value = await context.CallActivityAsync<int>(nameof(AddOne), value);
        return await context.CallActivityAsync<int>(nameof(Twice), value);
    }
}
