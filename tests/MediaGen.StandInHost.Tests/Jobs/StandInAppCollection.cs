namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// The job tests: they share one app under one stand-in host (<see cref="StandInAppFixture"/>, started once for the
/// collection), and run one after another in it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StandInAppCollection : ICollectionFixture<StandInAppFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Stand-in app jobs";
}
