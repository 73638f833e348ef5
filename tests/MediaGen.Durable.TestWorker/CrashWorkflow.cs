namespace MediaGen.Durable.TestWorker;

/// <summary>Activities, a durable timer, an external event and a sub-orchestration: every kind of step a crash can hit.</summary>
public sealed class CrashWorkflow : TaskOrchestrator<int, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var doubled = await context.CallActivityAsync<int>(nameof(Double), input);
        await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        var bump = await context.WaitForExternalEvent<int>(TestWorkflows.BumpEvent);
        var child = await context.CallSubOrchestratorAsync<int>(
            nameof(CrashChild), doubled + bump, new SubOrchestrationOptions(instanceId: context.InstanceId + "-child"));
        return await context.CallActivityAsync<int>(nameof(Double), child);
    }
}
