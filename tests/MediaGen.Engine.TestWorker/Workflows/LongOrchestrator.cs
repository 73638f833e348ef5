namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Runs one <see cref="LongActivity"/> and returns the id of the process that completed it.</summary>
public sealed class LongOrchestrator : TaskOrchestrator<LongWork, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, LongWork input) =>
        context.CallActivityAsync<int>(nameof(LongActivity), input);
}
