namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>An activity class no worker registers (as after a deployment that removed it).</summary>
public sealed class UnregisteredActivity : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
