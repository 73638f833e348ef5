namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>The sub-orchestration of <see cref="CrashOrchestrator"/>: one activity.</summary>
public sealed class CrashChild : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
        context.CallActivityAsync<int>(nameof(Increment), input);
}
