namespace MediaGen.Engine.Tests.Support;

/// <summary>Tests sharing one Azurite and one running engine host; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Engine";
}
