using Microsoft.DurableTask;

namespace MediaGen.Bench.EngineOverhead;

/// <summary>The baseline: as many no-op activities, one after another, as an image job schedules; nothing else.</summary>
internal sealed class BareOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var done = 0;
        for (var i = 0; i < input; i++)
        {
            done += await context.CallActivityAsync<int>(nameof(NoOpActivity), i);
        }

        return done;
    }
}
