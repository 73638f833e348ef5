using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Waits at the <see cref="StorageProbeGate"/>, then makes one storage call; returns which run it was.</summary>
public sealed class StorageProbe(StorageProbeGate gate) : TaskActivity<string, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, string input) => gate.RunAsync();
}
