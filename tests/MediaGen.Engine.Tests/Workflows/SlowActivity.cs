using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Counts its runs per key, works for the given time, and returns how often it ran for the key.</summary>
public sealed class SlowActivity(ScopeTracker tracker) : TaskActivity<SlowWork, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, SlowWork input)
    {
        tracker.Runs.AddOrUpdate(input.Key, 1, (_, runs) => runs + 1);
        await Task.Delay(input.Duration);
        return tracker.Runs[input.Key];
    }
}
