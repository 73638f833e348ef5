using Microsoft.DurableTask;

namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Two recorded steps, <c>{id}-a</c> and <c>{id}-b</c>; returns the ids of the processes that ran them.</summary>
public sealed class ShareOrchestrator : TaskOrchestrator<int, int[]>
{
    /// <inheritdoc />
    public override async Task<int[]> RunAsync(TaskOrchestrationContext context, int input)
    {
        var first = await context.CallActivityAsync<int>(nameof(RecordedStep), context.InstanceId + "-a");
        var second = await context.CallActivityAsync<int>(nameof(RecordedStep), context.InstanceId + "-b");
        return [first, second];
    }
}
