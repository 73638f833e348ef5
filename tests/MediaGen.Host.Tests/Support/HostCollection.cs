namespace MediaGen.Host.Tests.Support;

/// <summary>
/// The API surface tests (keys, error classes, limits, the OpenAPI document, logging, list cost, budgets, waits and event
/// streams) on one Azurite and simulator of their own. The host tests are split into a few collections, each with its own
/// <see cref="HostEnvironment"/>, so the collections run side by side while the tests of one collection run one by one (some
/// adjust the live simulator).
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostEnvironment>
{
    public const string Name = "host";
}
