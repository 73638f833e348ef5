using MediaGen.Simulator.Faults;

namespace MediaGen.Simulator.Tests.Support;

/// <summary>A simulator started with a per-run fault: every CometAPI call is rate limited.</summary>
public sealed class RunFaultsSimulatorFixture : SimulatorFixture
{
    protected override void Configure(SimulatorOptions options)
    {
        base.Configure(options);
        options.Faults = [new FaultRule { Endpoint = SimulatorEndpoints.CometImages, Fault = "429=9", Count = 0 }];
    }
}
