namespace MediaGen.Host.Tests.Support;

/// <summary>
/// The dashboard (API and browser) and the security tests (other callers, output containers, secret leaks) on one Azurite and
/// simulator of their own, run one by one; see <see cref="HostCollection"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<HostEnvironment>
{
    public const string Name = "host-dashboard";
}
