using MediaGen.Durable.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Hosting;

/// <summary>
/// The hosted worker: creates the task hub's queues and containers, takes a fair share of its
/// partitions, runs orchestration episodes for them and activities from the shared work-item queue.
/// </summary>
public sealed partial class DurableWorker : BackgroundService
{
    private readonly TaskHub _hub;
    private readonly PartitionManager _partitions;
    private readonly ActivityProcessor _activities;
    private readonly ILogger _logger;

    internal DurableWorker(WorkerServices services, DurableRegistry registry, IServiceProvider serviceProvider)
    {
        _hub = services.Hub;
        var workerId = string.IsNullOrWhiteSpace(services.Options.WorkerId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
            : services.Options.WorkerId;
        _partitions = new PartitionManager(services, workerId);
        _activities = new ActivityProcessor(services, registry, serviceProvider, _partitions);
        services.TryRunActivityLocally = _activities.TryRunLocally;
        _logger = services.LoggerFactory.CreateLogger<DurableWorker>();
    }

    /// <summary>This worker's identity.</summary>
    public string WorkerId => _partitions.WorkerId;

    /// <summary>The partitions this worker holds now.</summary>
    public IReadOnlyCollection<int> OwnedPartitions => _partitions.OwnedPartitions;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _hub.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
        LogStarted(_logger, WorkerId, _hub.Options.HubName, _hub.PartitionCount);
        await Task.WhenAll(_partitions.RunAsync(stoppingToken), _activities.RunAsync(stoppingToken)).ConfigureAwait(false);
        LogStopped(_logger, WorkerId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker {WorkerId} serving hub {HubName} ({PartitionCount} partitions)")]
    private static partial void LogStarted(ILogger logger, string workerId, string hubName, int partitionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker {WorkerId} stopped")]
    private static partial void LogStopped(ILogger logger, string workerId);
}
