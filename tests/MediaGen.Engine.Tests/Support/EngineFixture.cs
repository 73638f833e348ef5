namespace MediaGen.Engine.Tests.Support;

/// <summary>One in-memory Azurite and one running engine host (its own task hub) shared by a test collection.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;
    private IHost? _host;

    /// <summary>The running Azurite.</summary>
    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started.");

    /// <summary>The running host.</summary>
    public IHost Host => _host ?? throw new InvalidOperationException("The engine host is not started.");

    /// <summary>The host's client, as the app resolves it.</summary>
    public DurableTaskClient Client => Host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The host's record of activity scopes.</summary>
    public ScopeTracker Scopes => Host.Services.GetRequiredService<ScopeTracker>();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync(inMemory: true);
        _host = EngineTestHost.Build(EngineTestHost.TestSettings(_azurite.ConnectionString, EngineTestHost.NewHubName("Engine")));
        await _host.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
