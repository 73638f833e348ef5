using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage;
using MediaGen.Durable.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Tests.Support;

/// <summary>A running host with the durable runtime over the given storage and clock.</summary>
internal sealed class DurableTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private DurableTestHost(IHost host, CapturingLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
    }

    /// <summary>Everything logged at Warning or above.</summary>
    public CapturingLoggerProvider Logs { get; }

    public DurableRuntimeClient Client => _host.Services.GetRequiredService<DurableRuntimeClient>();

    public DurableWorker Worker => _host.Services.GetRequiredService<DurableWorker>();

    public static async Task<DurableTestHost> StartAsync(
        IDurableStorage storage, TimeProvider clock, Action<DurableRuntimeOptions> configure, Action<DurableRuntimeBuilder>? register = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(clock);
        builder.Services.AddDurableRuntime(
            b =>
            {
                TestRegistrations.Register(b);
                register?.Invoke(b);
            },
            configure);
        var host = builder.Build();
        await host.StartAsync();
        return new DurableTestHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
