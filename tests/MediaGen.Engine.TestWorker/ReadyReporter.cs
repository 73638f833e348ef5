using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Engine.TestWorker;

/// <summary>Prints <see cref="ReadyLine"/> once the engine's worker has started, so a test knows the process is serving the hub.</summary>
public sealed class ReadyReporter(IServiceProvider services) : BackgroundService
{
    /// <summary>The line printed (followed by the process id).</summary>
    public const string ReadyLine = "test-worker-ready";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not injected: the hosted services include this one.
        var engine = services.GetServices<IHostedService>().OfType<DurableEngineWorker>().Single();
        while (!engine.IsStarted)
        {
            await Task.Delay(50, stoppingToken);
        }

        Console.WriteLine($"{ReadyLine} {Environment.ProcessId}");
    }
}
