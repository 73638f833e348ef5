namespace MediaGen.Host.Tests.Support;

/// <summary>
/// The request-queue and blob-inbox listeners and the start-up with unresolved secrets (hosts restarted on one hub) on one
/// Azurite and simulator of their own, run one by one; see <see cref="HostCollection"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntakeCollection : ICollectionFixture<HostEnvironment>
{
    public const string Name = "host-intake";
}
