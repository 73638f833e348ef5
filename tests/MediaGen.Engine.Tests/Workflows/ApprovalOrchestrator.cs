using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>
/// Optionally runs an activity first (so an event raised at once arrives before the wait), then reports
/// <c>waiting</c> and returns the <see cref="Approval"/> event.
/// </summary>
public sealed class ApprovalOrchestrator : TaskOrchestrator<bool, Approval>
{
    /// <summary>The event name.</summary>
    public const string EventName = "Approval";

    /// <inheritdoc />
    public override async Task<Approval> RunAsync(TaskOrchestrationContext context, bool workFirst)
    {
        if (workFirst)
        {
            await context.CallActivityAsync<int>(nameof(AddOne), 0);
        }

        context.SetCustomStatus("waiting");
        return await context.WaitForExternalEvent<Approval>(EventName, TimeSpan.FromMinutes(1));
    }
}
