using MediaGen.Simulator;
using MediaGen.Testing;

namespace MediaGen.Bench.JobOverhead;

/// <summary>The provider simulator with Pixazo requests completing at once (no QUEUED or PROCESSING time, no latency).</summary>
internal sealed class InstantSimulator : SimulatorFixture
{
    protected override void Configure(SimulatorOptions options)
    {
        base.Configure(options);
        options.PixazoQueuedFor = TimeSpan.Zero;
        options.PixazoProcessingFor = TimeSpan.Zero;
    }
}
