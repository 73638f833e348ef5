using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Waits the input's milliseconds and returns them.</summary>
public sealed class Pause : TaskActivity<int, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, int milliseconds)
    {
        await Task.Delay(milliseconds);
        return milliseconds;
    }
}
