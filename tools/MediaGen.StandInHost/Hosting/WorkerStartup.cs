using MediaGen.StandInHost.Worker;

namespace MediaGen.StandInHost.Hosting;

/// <summary>
/// Starts the app's worker process before the WebJobs host starts its listeners (registered ahead of it), checks that the
/// worker loaded every function the host registers, and stops the worker after the WebJobs host has drained.
/// </summary>
public sealed class WorkerStartup(WorkerSupervisor supervisor, StandInApp app) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<WorkerFunctionMetadata> loaded;
        try
        {
            loaded = await supervisor.StartAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new StandInHostException("The worker could not start: " + e.Message, e);
        }

        var missing = app.Functions.Functions.Select(f => f.Name)
            .Except(loaded.Select(f => f.Name), StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            throw new StandInHostException($"The worker did not load {string.Join(", ", missing)}, which functions.metadata lists.");
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await supervisor.DisposeAsync();
}
