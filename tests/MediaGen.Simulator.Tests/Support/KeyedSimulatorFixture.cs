namespace MediaGen.Simulator.Tests.Support;

/// <summary>A simulator that accepts only configured keys.</summary>
public sealed class KeyedSimulatorFixture : SimulatorFixture
{
    public const string CosmicKey = "cosmic-write-key-1";
    public const string PixazoKey = "pixazo-key-1";
    public const string CometKey = "sk-comet-1";

    protected override void Configure(SimulatorOptions options)
    {
        base.Configure(options);
        options.CosmicWriteKeys = [CosmicKey];
        options.PixazoKeys = [PixazoKey];
        options.CometKeys = [CometKey];
    }
}
