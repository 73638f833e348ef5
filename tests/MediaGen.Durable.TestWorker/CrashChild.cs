namespace MediaGen.Durable.TestWorker;

/// <summary>The sub-orchestration of <see cref="CrashWorkflow"/>: one activity.</summary>
public sealed class CrashChild : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<int>(nameof(Increment), input);
    }
}
