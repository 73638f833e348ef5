namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Calls <see cref="HostCrashingActivity"/> once, under the step key given as input.</summary>
public sealed class HostCrashingOrchestrator : TaskOrchestrator<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(HostCrashingActivity), input);
}
