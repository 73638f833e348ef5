namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Records one execution of the step named by its input and returns the id of the process that ran it.</summary>
public sealed class RecordedStep(ExecutionLog log) : TaskActivity<string, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, string input)
    {
        log.Record(input);
        return Task.FromResult(Environment.ProcessId);
    }
}
