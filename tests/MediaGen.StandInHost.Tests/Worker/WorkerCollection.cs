namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>The tests sharing one worker (<see cref="WorkerFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Worker";
}
