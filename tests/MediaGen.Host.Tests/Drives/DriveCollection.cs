namespace MediaGen.Host.Tests.Drives;

/// <summary>The scaled-down drives: each starts its own Azurite, simulator and host process; they run alone, after the rest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DriveCollection
{
    public const string Name = "drives";
}
