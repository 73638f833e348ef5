using MediaGen.Durable;

namespace MediaGen.Bench.Runtime;

/// <summary>Microsoft's Durable Task benchmark orchestration: five no-op activities in sequence.</summary>
public sealed class SequenceOrchestration : TaskOrchestrator<int, int>
{
    /// <summary>Activities per orchestration.</summary>
    public const int Steps = 5;

    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var step = 1; step <= Steps; step++)
        {
            await context.CallActivityAsync<int>(nameof(NoOp), step);
        }

        return input;
    }
}
