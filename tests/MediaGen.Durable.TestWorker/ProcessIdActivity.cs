namespace MediaGen.Durable.TestWorker;

/// <summary>Returns the id of the process running it.</summary>
public sealed class ProcessIdActivity : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(Environment.ProcessId);
}
