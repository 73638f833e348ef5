using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Adds one.</summary>
public sealed class AddOne : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}
