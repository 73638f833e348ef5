using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Catches <see cref="FailingActivity"/>'s failure and returns its details as data.</summary>
public sealed class CatchingOrchestrator : TaskOrchestrator<string, TaskFailureDetails?>
{
    /// <inheritdoc />
    public override async Task<TaskFailureDetails?> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            await context.CallActivityAsync<string>(nameof(FailingActivity), input);
            return null;
        }
        catch (TaskFailedException e)
        {
            return e.FailureDetails;
        }
    }
}
