using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Doubles its input.</summary>
public sealed class Twice : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * 2);
}
