using System.Diagnostics;

namespace MediaGen.Engine.TestWorker;

/// <summary>
/// Ends the process at once when its standard input closes (the test that started it ended, even by a crash), so no
/// orphaned worker keeps polling a dead Azurite. Inactive when standard input is not redirected.
/// </summary>
public sealed class ParentWatch : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Console.IsInputRedirected)
        {
            return Task.CompletedTask;
        }

        // A thread of its own: the read blocks for the process's whole life.
        new Thread(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }

            Process.GetCurrentProcess().Kill();
        })
        { IsBackground = true, Name = nameof(ParentWatch) }.Start();
        return Task.CompletedTask;
    }
}
