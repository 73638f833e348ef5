using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Continues as new with input + 1 until the input is 3, then returns it.</summary>
public sealed class CounterOrchestrator : TaskOrchestrator<int, int>
{
    /// <summary>Where the counter stops.</summary>
    public const int Target = 3;

    /// <inheritdoc />
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        if (input < Target)
        {
            context.ContinueAsNew(input + 1);
        }

        return Task.FromResult(input);
    }
}
