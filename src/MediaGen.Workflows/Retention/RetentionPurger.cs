using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace MediaGen.Workflows.Retention;

/// <summary>
/// Expires finished jobs, chains and batches whose retention period (<see cref="RetentionOptions.Days"/>) has passed: for
/// each, a <see cref="JobTombstone"/> is written, then its stored media (every blob under its items' folder, and the blobs
/// its result names) and its generation records are deleted, then its engine history is purged. Batch items, batch chunks
/// and failover candidates (ids <c>{parent}.{…}</c>) go with their parent. Running instances are never touched: the
/// query asks for finished ones only and each is read again just before anything of it is deleted. Every step is
/// idempotent, so passes may run at once in several processes (a second pass finds less, or deletes what is already gone).
/// </summary>
public sealed partial class RetentionPurger(
    DurableTaskClient client,
    JobTombstones tombstones,
    BlobServiceClient blobs,
    IOptions<RetentionOptions> retention,
    IOptions<MediaStoreOptions> media,
    IOptions<WorkflowOptions> workflows,
    TimeProvider time,
    ILogger<RetentionPurger> logger)
{
    /// <summary>Runtime statuses of instances that will not change any more.</summary>
    private static readonly OrchestrationRuntimeStatus[] FinishedStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// One pass: expires everything that finished at least the retention period before now (the <see cref="TimeProvider"/>'s).
    /// Finished instances are found by a paged engine query filtered by status and by creation time (an instance that
    /// finished before the cut-off was created before it), then each one's finish time decides. Nothing happens when
    /// retention is off (<c>Retention:Days</c> = 0).
    /// </summary>
    public async Task<RetentionPurgeResult> PurgeOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (retention.Value.Period is not { } period)
        {
            return new RetentionPurgeResult(now, null, 0, 0, 0);
        }

        var cutoff = now - period;
        var totals = new Counts();
        var query = new OrchestrationQuery(
            CreatedTo: cutoff, Statuses: FinishedStatuses, PageSize: retention.Value.PurgePageSize, FetchInputsAndOutputs: true);
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(pageSizeHint: retention.Value.PurgePageSize)
            .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var instance in page.Values)
            {
                if (instance.LastUpdatedAt > cutoff || await HasLiveParentAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false))
                {
                    // Ended within the period; or a batch item, chunk or candidate whose parent is still there and takes it along.
                    continue;
                }

                await ExpireWithChildrenAsync(instance, now, totals, cancellationToken).ConfigureAwait(false);
            }
        }

        LogPass(logger, cutoff, totals.Expired, totals.Instances, totals.Blobs);
        return new RetentionPurgeResult(now, cutoff, totals.Expired, totals.Instances, totals.Blobs);
    }

    /// <summary>Expires <paramref name="instance"/>'s finished children (<c>{id}.…</c>), then the instance itself.</summary>
    private async Task ExpireWithChildrenAsync(OrchestrationMetadata instance, DateTimeOffset now, Counts totals, CancellationToken cancellationToken)
    {
        var children = new OrchestrationQuery(
            InstanceIdPrefix: instance.InstanceId + ".", Statuses: FinishedStatuses, PageSize: retention.Value.PurgePageSize, FetchInputsAndOutputs: true);
        var found = new List<OrchestrationMetadata>();
        await foreach (var child in client.GetAllInstancesAsync(children).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            found.Add(child);
        }

        foreach (var child in found)
        {
            await ExpireAsync(child, now, totals, cancellationToken).ConfigureAwait(false);
        }

        await ExpireAsync(instance, now, totals, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExpireAsync(OrchestrationMetadata instance, DateTimeOffset now, Counts totals, CancellationToken cancellationToken)
    {
        var id = instance.InstanceId;

        // Read again just before deleting: an instance that was replaced or changed since the query is left for a later pass.
        var current = await client.GetInstanceAsync(id, false, cancellationToken).ConfigureAwait(false);
        if (current is null || !FinishedStatuses.Contains(current.RuntimeStatus) || current.LastUpdatedAt != instance.LastUpdatedAt)
        {
            return;
        }

        var (type, owner, status, output) = Describe(instance);
        if (type is not null)
        {
            await tombstones.WriteAsync(new JobTombstone(id, type, owner, status, instance.LastUpdatedAt, now), cancellationToken).ConfigureAwait(false);
        }

        var deleted = 0;
        if (output is not null)
        {
            var container = output.Container ?? media.Value.DefaultContainer;
            deleted += await DeletePrefixAsync(container, MediaBlobNames.JobFolder(output.Folder ?? media.Value.DefaultFolder, output.Prefix, id), cancellationToken).ConfigureAwait(false);
        }

        foreach (var item in ResultItems(instance))
        {
            deleted += await DeleteBlobAsync(item.BlobUri, cancellationToken).ConfigureAwait(false);
        }

        await DeletePrefixAsync(workflows.Value.StateContainer, $"generations/{id}/", cancellationToken).ConfigureAwait(false);
        var purged = await client.PurgeInstanceAsync(id, cancellation: cancellationToken).ConfigureAwait(false);
        totals.Instances += purged.PurgedInstanceCount;
        totals.Expired += type is not null && purged.PurgedInstanceCount > 0 ? 1 : 0;
        totals.Blobs += deleted;
        LogExpired(logger, id, instance.LastUpdatedAt, deleted);
    }

    /// <summary>What the tombstone says, and where the media went: type null for an instance callers never read (a batch chunk).</summary>
    private static (string? Type, string? Owner, JobStatus Status, JobOutput? Output) Describe(OrchestrationMetadata instance)
    {
        var hasInput = !string.IsNullOrEmpty(instance.SerializedInput);
        if (instance.Name == nameof(BatchOrchestrator))
        {
            var batch = hasInput ? instance.ReadInputAs<BatchInput>() : null;
            var canceled = instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated
                || (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.ReadOutputAs<BatchOutcome>() is { Canceled: true });
            var status = canceled ? JobStatus.Canceled : instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? JobStatus.Failed : JobStatus.Completed;
            return ("batch", batch?.Owner, status, null);
        }

        if (!JobOrchestrators.JobNames.Contains(instance.Name))
        {
            return (null, null, JobStatus.Completed, null);
        }

        var (outcome, _, _) = JobStates.Outcome(instance);
        if (instance.Name == nameof(ChainOrchestrator))
        {
            var chain = hasInput ? instance.ReadInputAs<ChainInput>() : null;
            return ("job", chain?.Owner, outcome, chain?.Output ?? new JobOutput());
        }

        var job = hasInput ? instance.ReadInputAs<JobInput>() : null;
        return ("job", job?.Owner, outcome, job?.Request.Output ?? new JobOutput());
    }

    private static IEnumerable<JobResultItem> ResultItems(OrchestrationMetadata instance) =>
        instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && JobOrchestrators.JobNames.Contains(instance.Name)
            && !string.IsNullOrEmpty(instance.SerializedOutput) && instance.ReadOutputAs<JobOutcome>()?.Result is { } result
            ? result.Items
            : [];

    /// <summary>Whether an ancestor of a child id (<c>{parent}.{…}</c>) still exists and will take the child along when it expires.</summary>
    private async Task<bool> HasLiveParentAsync(string id, CancellationToken cancellationToken)
    {
        for (var dot = id.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = id.IndexOf('.', dot + 1))
        {
            if (await client.GetInstanceAsync(id[..dot], false, cancellationToken).ConfigureAwait(false) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<int> DeletePrefixAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var containerClient = blobs.GetBlobContainerClient(container);
        var deleted = 0;
        try
        {
            await foreach (var blob in containerClient.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
            {
                var response = await containerClient.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                deleted += response.Value ? 1 : 0;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The container does not exist (any more): nothing of this job is in it.
        }

        return deleted;
    }

    /// <summary>Deletes a result item's blob when it is in this account's output containers (another account's URI is left alone).</summary>
    private async Task<int> DeleteBlobAsync(Uri blobUri, CancellationToken cancellationToken)
    {
        var parts = new BlobUriBuilder(blobUri);
        var sameAccount = string.Equals(parts.AccountName, blobs.AccountName, StringComparison.OrdinalIgnoreCase);
        if (!sameAccount || string.IsNullOrEmpty(parts.BlobName) || !media.Value.IsOutputContainer(parts.BlobContainerName))
        {
            return 0;
        }

        try
        {
            var response = await blobs.GetBlobContainerClient(parts.BlobContainerName).DeleteBlobIfExistsAsync(parts.BlobName, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Value ? 1 : 0;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    [LoggerMessage(EventId = 7400, Level = LogLevel.Information,
        Message = "Retention: expired {InstanceId} (finished {FinishedAt:o}); deleted its history and {BlobCount} media blobs")]
    private static partial void LogExpired(ILogger logger, string instanceId, DateTimeOffset finishedAt, int blobCount);

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information,
        Message = "Retention pass: everything finished before {Cutoff:o} expired: {Expired} jobs and batches, {Instances} instances purged, {BlobCount} media blobs deleted")]
    private static partial void LogPass(ILogger logger, DateTimeOffset cutoff, int expired, int instances, int blobCount);

    private sealed class Counts
    {
        public int Expired { get; set; }

        public int Instances { get; set; }

        public int Blobs { get; set; }
    }
}
