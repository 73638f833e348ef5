namespace MediaGen.Core.Tests.Providers.Simulator;

/// <summary>One in-process simulator on a loopback port, shared by the provider clients' real-HTTP tests.</summary>
[CollectionDefinition(nameof(SimulatorCollection))]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>;
