namespace MediaGen.Host.Tests.Support;

/// <summary>
/// Jobs end to end (routes, batches and chains, Pixazo webhooks, text streaming, completion callbacks, telemetry) on one Azurite
/// and simulator of their own, run one by one (they adjust the live simulator's Pixazo timing and faults); see <see cref="HostCollection"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class JobsCollection : ICollectionFixture<HostEnvironment>
{
    public const string Name = "host-jobs";
}
