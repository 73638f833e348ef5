using Microsoft.DurableTask;

namespace MediaGen.Bench.EngineOverhead;

/// <summary>Does nothing: the engine's cost of one activity round trip.</summary>
internal sealed class NoOpActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(1);
}
