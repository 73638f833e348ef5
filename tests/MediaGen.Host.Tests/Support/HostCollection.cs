namespace MediaGen.Host.Tests.Support;

/// <summary>Tests that share the collection's Azurite and simulator (run one by one: some adjust the live simulator).</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostEnvironment>
{
    public const string Name = "host";
}
