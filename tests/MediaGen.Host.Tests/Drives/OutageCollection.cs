namespace MediaGen.Host.Tests.Drives;

/// <summary>
/// The scaled-down storage-outage drive: its own Azurite, simulator and host process. Unlike <see cref="DriveCollection"/> it
/// runs beside the other collections, because most of its three minutes is waiting (the outage, then the messages dequeued
/// before it coming back after their visibility timeout), and a drive that holds only on an idle machine would prove little.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection
{
    public const string Name = "drives-outage";
}
