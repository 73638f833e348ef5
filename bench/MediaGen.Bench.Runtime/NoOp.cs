using MediaGen.Durable;

namespace MediaGen.Bench.Runtime;

/// <summary>The benchmark's activity: does nothing; the fifth call of an instance counts it as done.</summary>
public sealed class NoOp : TaskActivity<int, int>
{
    private static int _finished;

    /// <summary>Instances whose last activity ran.</summary>
    public static int Finished => Volatile.Read(ref _finished);

    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        if (input == SequenceOrchestration.Steps)
        {
            Interlocked.Increment(ref _finished);
        }

        return Task.FromResult(input);
    }
}
