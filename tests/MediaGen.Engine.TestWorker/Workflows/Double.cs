namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Doubles its input.</summary>
public sealed class Double : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * 2);
}
