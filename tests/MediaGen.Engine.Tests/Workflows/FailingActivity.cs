using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Throws <see cref="InvalidOperationException"/> with the input as its message.</summary>
public sealed class FailingActivity : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => throw new InvalidOperationException(input);
}
