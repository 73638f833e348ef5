namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Adds one.</summary>
public sealed class Increment : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}
