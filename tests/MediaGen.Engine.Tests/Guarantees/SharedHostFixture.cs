namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// One in-memory Azurite with one task hub and one running host process, shared by the tests of a class that only need
/// a worker serving the hub (each test uses instances of its own); tests needing their own hub create it on
/// <see cref="Azurite"/>.
/// </summary>
public sealed class SharedHostFixture : IAsyncLifetime
{
    private TaskHubUnderTest? _hub;

    /// <summary>The Azurite.</summary>
    public InMemoryAzurite Azurite { get; } = new();

    /// <summary>The shared hub, served by a running host process.</summary>
    internal TaskHubUnderTest Hub => _hub ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        _hub = await TaskHubUnderTest.CreateAsync(Azurite.ConnectionString, "shared");
        var worker = _hub.Worker("shared-host");
        worker.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await worker.WaitUntilReadyAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }
}
