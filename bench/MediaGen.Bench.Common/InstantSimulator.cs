using MediaGen.Simulator;
using MediaGen.Testing;

namespace MediaGen.Bench.Common;

/// <summary>The provider simulator answering at once: no latency, Pixazo requests completed with no QUEUED or PROCESSING time.</summary>
public sealed class InstantSimulator : SimulatorFixture
{
    /// <inheritdoc />
    protected override void Configure(SimulatorOptions options)
    {
        base.Configure(options);
        options.Latency = TimeSpan.Zero;
        options.PixazoQueuedFor = TimeSpan.Zero;
        options.PixazoProcessingFor = TimeSpan.Zero;
    }
}
