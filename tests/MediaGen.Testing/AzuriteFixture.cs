using Xunit;

namespace MediaGen.Testing;

/// <summary>
/// xUnit fixture owning one <see cref="AzuriteInstance"/> for a test class or collection.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    /// <summary>The running Azurite.</summary>
    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started.");

    /// <summary>A connection string to the running Azurite.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await AzuriteInstance.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
