namespace MediaGen.Durable.TestWorker;

/// <summary>Two activities; returns the ids of the processes that ran them (work sharing is visible in outputs).</summary>
public sealed class WhoRunsMe : TaskOrchestrator<int, int[]>
{
    /// <inheritdoc />
    public override async Task<int[]> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = await context.CallActivityAsync<int>(nameof(ProcessIdActivity), input);
        var second = await context.CallActivityAsync<int>(nameof(ProcessIdActivity), input);
        return [first, second];
    }
}
