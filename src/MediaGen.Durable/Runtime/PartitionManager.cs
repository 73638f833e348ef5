using System.Collections.Concurrent;
using MediaGen.Durable.Engine;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Shares the partitions of a task hub between the processes serving it. Each process writes a
/// heartbeat blob; each takes blob leases on its fair share (partitions ÷ live processes, rounded up),
/// renews them, and releases any above its share so a newcomer can take them. A partition is processed
/// only by the holder of its lease, so one instance never runs on two processes at once; instance
/// writes are ETag-conditional besides, so even a holder that lost its lease unnoticed cannot commit.
/// </summary>
internal sealed partial class PartitionManager(WorkerServices services, string workerId)
{
    private readonly ConcurrentDictionary<int, PartitionProcessor> _owned = new();
    private readonly ILogger _logger = services.LoggerFactory.CreateLogger<PartitionManager>();

    public string WorkerId => workerId;

    /// <summary>The partitions this process holds now.</summary>
    public IReadOnlyCollection<int> OwnedPartitions => [.. _owned.Keys.Order()];

    public bool TryDeliverLocally(WorkMessage message, Func<CancellationToken, Task> acknowledge) =>
        _owned.TryGetValue(services.Hub.PartitionOf(message.InstanceId), out var processor) && processor.TryDeliver(message, acknowledge);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await BalanceAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(services.Options.LeaseRenewInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Azure.RequestFailedException ex)
            {
                LogStorageError(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
            }
        }

        foreach (var partition in _owned.Keys.ToList())
        {
            await ReleaseAsync(partition).ConfigureAwait(false);
        }

        await services.Hub.Leases.DeleteAsync(HeartbeatName, CancellationToken.None).ConfigureAwait(false);
    }

    private string HeartbeatName => "workers/" + workerId;

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var leases = services.Hub.Leases;
        var options = services.Options;
        await leases.OverwriteAsync(HeartbeatName, BinaryData.FromString(workerId), cancellationToken).ConfigureAwait(false);
        var (workers, _) = await leases.ListAsync("workers/", 1000, null, cancellationToken).ConfigureAwait(false);
        var alive = workers.Count(w => w.LastModified > DateTimeOffset.UtcNow - (options.LeaseRenewInterval * 3));
        var partitionCount = services.Hub.PartitionCount;
        var share = (partitionCount + Math.Max(1, alive) - 1) / Math.Max(1, alive);

        foreach (var partition in _owned.Keys.ToList())
        {
            if (!await leases.TryRenewLeaseAsync(TaskHub.PartitionLeaseName(partition), LeaseId(partition), cancellationToken).ConfigureAwait(false))
            {
                LogLost(_logger, partition, workerId);
                if (_owned.TryRemove(partition, out var lost))
                {
                    await lost.StopAsync().ConfigureAwait(false);
                }
            }
        }

        foreach (var partition in _owned.Keys.Order().Skip(share).ToList())
        {
            await ReleaseAsync(partition).ConfigureAwait(false);
        }

        // Start at a worker-specific offset so processes starting together reach for different partitions.
        var offset = (int)((uint)workerId.GetHashCode(StringComparison.Ordinal) % (uint)partitionCount);
        for (var i = 0; i < partitionCount && _owned.Count < share; i++)
        {
            var partition = (offset + i) % partitionCount;
            if (_owned.ContainsKey(partition))
            {
                continue;
            }

            if (await leases.TryAcquireLeaseAsync(TaskHub.PartitionLeaseName(partition), LeaseId(partition), options.LeaseDuration, cancellationToken).ConfigureAwait(false))
            {
                var processor = new PartitionProcessor(partition, services);
                _owned[partition] = processor;
                processor.Start();
                LogAcquired(_logger, partition, workerId);
            }
        }
    }

    private async Task ReleaseAsync(int partition)
    {
        if (_owned.TryRemove(partition, out var processor))
        {
            await processor.StopAsync().ConfigureAwait(false);
            await services.Hub.Leases.ReleaseLeaseAsync(TaskHub.PartitionLeaseName(partition), LeaseId(partition), CancellationToken.None).ConfigureAwait(false);
            LogReleased(_logger, partition, workerId);
        }
    }

    // The same worker id always proposes the same lease id, so a restarted process takes its leases back at once.
    private string LeaseId(int partition) => DeterministicGuid.Create($"{workerId}/partition/{partition}").ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} acquired partition {Partition}")]
    private static partial void LogAcquired(ILogger logger, int partition, string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} released partition {Partition}")]
    private static partial void LogReleased(ILogger logger, int partition, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {WorkerId} lost partition {Partition}")]
    private static partial void LogLost(ILogger logger, int partition, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage error while balancing partitions")]
    private static partial void LogStorageError(ILogger logger, Exception exception);
}
