namespace MediaGen.Parity.Tests.Support;

/// <summary>Tests comparing the Functions app with the standalone host: one pair of apps, one Azurite and one simulator for all.</summary>
[CollectionDefinition(Name)]
public sealed class ParityCollection : ICollectionFixture<ParityFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "parity";
}
