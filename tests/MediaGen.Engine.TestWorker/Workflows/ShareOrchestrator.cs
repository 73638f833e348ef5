namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>One recorded step named after the instance; returns the id of the process that ran it.</summary>
public sealed class ShareOrchestrator : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
        context.CallActivityAsync<int>(nameof(RecordedStep), context.InstanceId);
}
