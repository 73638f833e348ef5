namespace MediaGen.Host.Tests.Support;

/// <summary>
/// A class fixture: one host with the collection's default settings, started by the class's first test that asks for it and
/// stopped after the class. For tests that only send requests and read the answers, where nothing one does (no job started,
/// no setting changed) changes what another sees: starting and stopping a host per test costs more than the test.
/// </summary>
public sealed class SharedHost : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private TestHost? _host;

    /// <summary>The shared host on <paramref name="env"/>, started on first use.</summary>
    public async Task<TestHost> GetAsync(HostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        await _starting.WaitAsync();
        try
        {
            return _host ??= await env.StartHostAsync();
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _starting.Dispose();
    }
}
