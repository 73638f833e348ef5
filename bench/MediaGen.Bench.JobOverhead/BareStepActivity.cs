using Microsoft.DurableTask;

namespace MediaGen.Bench.JobOverhead;

/// <summary>The bare shape's copy and publish: nothing, one activity round trip each.</summary>
internal sealed class BareStepActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(1);
}
