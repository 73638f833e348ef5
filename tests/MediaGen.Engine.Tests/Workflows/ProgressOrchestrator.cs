using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Reports progress 1/2 as custom status, waits for <c>Finish</c>, reports 2/2 and returns the event's value.</summary>
public sealed class ProgressOrchestrator : TaskOrchestrator<string?, int>
{
    /// <summary>The event name.</summary>
    public const string EventName = "Finish";

    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus(new Progress(1, 2));
        var value = await context.WaitForExternalEvent<int>(EventName, TimeSpan.FromMinutes(1));
        context.SetCustomStatus(new Progress(2, 2));
        return value;
    }
}
