namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>
/// Every kind of step a crash can hit: an activity, a durable timer, an external event, a sub-orchestration (under the
/// instance id <c>{id}-child</c>) and a last activity. Returns <see cref="ExpectedOutput"/>, or -1 when the event never came.
/// </summary>
public sealed class CrashOrchestrator : TaskOrchestrator<int, int>
{
    /// <summary>The event the orchestration waits for (its payload is added to the result).</summary>
    public const string BumpEvent = "bump";

    /// <summary>The output for input <paramref name="input"/> and event payload <paramref name="bump"/>.</summary>
    public static int ExpectedOutput(int input, int bump) => 2 * ((2 * input) + bump + 1);

    /// <summary>The instance id of the sub-orchestration of instance <paramref name="instanceId"/>.</summary>
    public static string ChildId(string instanceId) => instanceId + "-child";

    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var doubled = await context.CallActivityAsync<int>(nameof(Double), input);
        await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        int bump;
        try
        {
            bump = await context.WaitForExternalEvent<int>(BumpEvent, TimeSpan.FromMinutes(5));
        }
        catch (TaskCanceledException)
        {
            return -1;
        }

        var child = await context.CallSubOrchestratorAsync<int>(
            nameof(CrashChild), doubled + bump, new SubOrchestrationOptions { InstanceId = ChildId(context.InstanceId) });
        return await context.CallActivityAsync<int>(nameof(Double), child);
    }
}
