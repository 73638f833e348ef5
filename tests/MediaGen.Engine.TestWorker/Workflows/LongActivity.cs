namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Records its start, works for the given time (a long provider call) and until its hold file exists, and returns its process id.</summary>
public sealed class LongActivity(ExecutionLog log) : TaskActivity<LongWork, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, LongWork input)
    {
        log.Record(input.Key);
        await Task.Delay(input.Duration);
        while (input.HoldUntilFile is { } file && !File.Exists(file))
        {
            await Task.Delay(100);
        }

        return Environment.ProcessId;
    }
}
