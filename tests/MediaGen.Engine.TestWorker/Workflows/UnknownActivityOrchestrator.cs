namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Calls <see cref="UnregisteredActivity"/>, which no worker runs.</summary>
public sealed class UnknownActivityOrchestrator : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
        context.CallActivityAsync<int>(nameof(UnregisteredActivity), input);
}
