namespace MediaGen.Workflows.Tests.EndToEnd;

/// <summary>The end-to-end tests share one Azurite, simulator and host, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "workflows end to end";
}
