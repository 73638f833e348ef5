using Microsoft.DurableTask;

namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Records its start, works for the given time (a long provider call), and returns its process id.</summary>
public sealed class LongActivity(ExecutionLog log) : TaskActivity<LongWork, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, LongWork input)
    {
        log.Record(input.Key);
        await Task.Delay(input.Duration);
        return Environment.ProcessId;
    }
}
