namespace MediaGen.Workflows;

/// <summary>What callers and operators do to jobs that exist: cancel one, re-run one, purge finished ones.</summary>
public sealed class JobCommands(DurableTaskClient client, JobStarter starter, JobValidator validator, TimeProvider time)
{
    /// <summary>Runtime statuses of instances that will not change any more (what a purge may delete).</summary>
    private static readonly OrchestrationRuntimeStatus[] FinishedStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Instances a caller's purge reads per query.</summary>
    private const int PurgePageSize = 100;

    /// <summary>
    /// Cancels a job, chain or batch <paramref name="access"/> may see: it stops waiting, polling or starting items at its
    /// next step and ends <see cref="JobStatus.Canceled"/> (items already stored stay). A batch passes the cancel on to its
    /// running items.
    /// </summary>
    public async Task<JobCancelResult> CancelJobAsync(string jobId, JobAccess access, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentNullException.ThrowIfNull(access);
        if (!access.CanSee(jobId))
        {
            return JobCancelResult.NotFound;
        }

        var instance = await client.GetInstanceAsync(jobId, false, cancellationToken).ConfigureAwait(false);
        if (instance is null || !(JobOrchestrators.JobNames.Contains(instance.Name) || instance.Name == nameof(BatchOrchestrator)))
        {
            return JobCancelResult.NotFound;
        }

        if (instance.IsCompleted)
        {
            return JobCancelResult.AlreadyFinished;
        }

        var (raised, now) = await InstanceEvents.TryRaiseAsync(client, instance, WorkflowEvents.Cancel, new CancelRequest(reason), cancellationToken).ConfigureAwait(false);
        return raised ? JobCancelResult.CancelRequested : now is null ? JobCancelResult.NotFound : JobCancelResult.AlreadyFinished;
    }

    /// <summary>
    /// Starts a new job (or chain) with the same request as <paramref name="jobId"/>, under <paramref name="idempotencyKey"/>
    /// (a new id when null; the same key again answers the same re-run). The re-run belongs to the original's owner and
    /// reserves from that owner's budgets (an operator re-running another caller's job acts for that caller; a job started
    /// before owners were recorded is re-run as the asker's). The original deadline is not carried over: the new job gets
    /// the default timeout. The request is validated again as any start is. Null when no job or chain
    /// <paramref name="access"/> may see has this id.
    /// </summary>
    /// <exception cref="RequestValidationException">The key is invalid, or the old request no longer passes validation; nothing was started.</exception>
    public async Task<JobStartResult?> RerunJobAsync(string jobId, JobAccess access, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentNullException.ThrowIfNull(access);
        var errors = new List<ValidationError>();
        validator.CheckCommon(null, idempotencyKey, null, null, time.GetUtcNow(), errors);
        RequestValidationException.ThrowIfAny(errors);
        var instance = await JobReader.ReadJobAsync(client, jobId, access, cancellationToken).ConfigureAwait(false);
        if (instance is null || string.IsNullOrEmpty(instance.SerializedInput))
        {
            return null;
        }

        if (instance.Name == nameof(ChainOrchestrator))
        {
            var chain = instance.ReadInputAs<ChainInput>()!;
            return await starter.StartChainAsync(
                new ChainRequest(chain.Initial, chain.MediaId, chain.Prompts, chain.Model, chain.Output, idempotencyKey, chain.CallbackUrl),
                null, cancellationToken, chain.Owner ?? access.Caller).ConfigureAwait(false);
        }

        var job = instance.ReadInputAs<JobInput>()!;
        return await starter.StartJobAsync(
            job.Request with { IdempotencyKey = idempotencyKey, Deadline = null }, null, cancellationToken, job.Owner ?? access.Caller).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the records (state and history) of every finished job, chain, batch and batch item <paramref name="access"/>
    /// may see that was created before <paramref name="createdBefore"/>: Completed, Failed or Canceled ones; running ones
    /// are left alone. Stored media stay. A caller's purge pages through its own id prefix (<see cref="JobOwner"/>) and
    /// deletes instance by instance; an operator's is the engine's purge of every caller's.
    /// </summary>
    /// <exception cref="RequestValidationException"><paramref name="createdBefore"/> is in the future.</exception>
    public async Task<JobPurgeResult> PurgeFinishedJobsAsync(DateTimeOffset createdBefore, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (createdBefore > time.GetUtcNow())
        {
            throw new RequestValidationException([new ValidationError("createdBefore", "range", "must not be in the future")]);
        }

        if (access.ListPrefix(null) is not { } prefix)
        {
            var result = await client.PurgeAllInstancesAsync(
                new PurgeInstancesFilter(null, createdBefore, FinishedStatuses), cancellation: cancellationToken).ConfigureAwait(false);
            return new JobPurgeResult(createdBefore, result.PurgedInstanceCount, result.IsComplete != false);
        }

        var purged = 0;
        var query = new OrchestrationQuery(CreatedTo: createdBefore, Statuses: FinishedStatuses, InstanceIdPrefix: prefix, PageSize: PurgePageSize);
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(pageSizeHint: PurgePageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var instance in page.Values)
            {
                var result = await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken).ConfigureAwait(false);
                purged += result.PurgedInstanceCount;
            }
        }

        return new JobPurgeResult(createdBefore, purged, Complete: true);
    }
}
