using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>
/// Works for the input's milliseconds first (so an event raised meanwhile arrives before the wait), then reports
/// <c>waiting</c> and returns the <see cref="Approval"/> event.
/// </summary>
public sealed class ApprovalOrchestrator : TaskOrchestrator<int, Approval>
{
    /// <summary>The event name.</summary>
    public const string EventName = "Approval";

    /// <inheritdoc />
    public override async Task<Approval> RunAsync(TaskOrchestrationContext context, int workMilliseconds)
    {
        if (workMilliseconds > 0)
        {
            await context.CallActivityAsync<int>(nameof(Pause), workMilliseconds);
        }

        context.SetCustomStatus("waiting");
        return await context.WaitForExternalEvent<Approval>(EventName, TimeSpan.FromMinutes(1));
    }
}
