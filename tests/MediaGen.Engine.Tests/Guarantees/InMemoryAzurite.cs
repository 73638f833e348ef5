namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>One in-memory Azurite per test class; each test uses task hubs of its own on it.</summary>
public sealed class InMemoryAzurite : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    /// <summary>A connection string with blob, queue and table endpoints.</summary>
    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await AzuriteInstance.StartAsync(inMemory: true);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
