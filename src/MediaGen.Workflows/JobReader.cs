using MediaGen.Workflows.Retention;

namespace MediaGen.Workflows;

/// <summary>
/// Reads jobs, chains and batches as their callers see them: one job, a page of jobs, a batch with its items, a job's
/// details with its timeline. Only what a <see cref="JobAccess"/> may see is found; anything else is simply not there.
/// A finished one carries <c>expiresAt</c> (<see cref="RetentionOptions"/>); once expired, <see cref="GetExpiredAsync"/> says so.
/// </summary>
public sealed class JobReader(DurableTaskClient client, JobTombstones? tombstones = null, IOptions<RetentionOptions>? retention = null)
{
    /// <summary>The largest <see cref="JobQuery.PageSize"/>: instances one list page reads.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Instances one query of a batch's items reads.</summary>
    private const int ItemPageSize = 500;

    /// <summary>A job or chain, or null when none has this id that <paramref name="access"/> may see (batches: <see cref="GetBatchAsync"/>).</summary>
    public async Task<JobState?> GetJobAsync(string jobId, JobAccess access, CancellationToken cancellationToken = default) =>
        await ReadJobAsync(client, jobId, access, cancellationToken).ConfigureAwait(false) is { } instance ? StateOf(instance) : null;

    /// <summary>
    /// The record kept of <paramref name="id"/> (a job, chain or batch) after it expired and was purged, or null when
    /// <paramref name="access"/> may not see it or nothing of it expired. Ask when a read found nothing.
    /// </summary>
    public async Task<JobTombstone?> GetExpiredAsync(string id, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(access);
        return tombstones is not null && access.CanSee(id) ? await tombstones.ReadAsync(id, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// One page of the jobs and chains (batch items included) <paramref name="access"/> may see, filtered by owner, status,
    /// creation time, kind, provider and id / idempotency key text. One engine query reads the page — the instances
    /// of one owner's id prefix (<see cref="JobOwner"/>) with their inputs and outputs — and nothing is read per instance
    /// (a payload the backend keeps in a blob because it is large costs one blob read).
    /// </summary>
    /// <exception cref="RequestValidationException">The continuation token is not one a previous page returned (<see cref="JobPageToken"/>).</exception>
    public async Task<JobPage> ListJobsAsync(JobQuery query, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, MaxPageSize, nameof(query));
        string? continuation = null;
        if (query.ContinuationToken is { } token && !JobPageToken.TryDecode(token, out continuation))
        {
            throw new RequestValidationException([new ValidationError("continuationToken", "format", "is not a token a previous page returned")]);
        }

        if (query.Caller is { } owner && !access.SeesOwner(owner))
        {
            // Another caller's jobs are not there for this caller: the same empty answer as a caller without jobs gets.
            return new JobPage([], null);
        }

        var wanted = query.Statuses is { Count: > 0 } statuses ? statuses : null;
        var runtime = wanted?.SelectMany(JobStates.RuntimeStatusesOf).Distinct().ToList();
        var filter = new OrchestrationQuery(
            query.CreatedFrom, query.CreatedTo, runtime, PageSize: query.PageSize, InstanceIdPrefix: access.ListPrefix(query.Caller), FetchInputsAndOutputs: true);
        Page<OrchestrationMetadata>? page = null;
        await foreach (var first in client.GetAllInstancesAsync(filter).AsPages(continuation, query.PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            page = first;
            break;
        }

        page ??= new Page<OrchestrationMetadata>([], null);
        var jobs = new List<JobState>();
        foreach (var instance in page.Values.Where(i => JobOrchestrators.JobNames.Contains(i.Name)))
        {
            var full = await WithFailureAsync(instance, cancellationToken).ConfigureAwait(false);
            if (StateOf(full) is { } state && (wanted is null || wanted.Contains(state.Status)) && Matches(query, full, state))
            {
                jobs.Add(state);
            }
        }

        return new JobPage(jobs, page.ContinuationToken is { } next ? JobPageToken.Encode(next) : null);
    }

    /// <summary>A batch with every item's status, or null when no batch <paramref name="access"/> may see has this id.</summary>
    public async Task<BatchState?> GetBatchAsync(string batchId, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(access);
        if (!access.CanSee(batchId))
        {
            return null;
        }

        var batch = await client.GetInstanceAsync(batchId, true, cancellationToken).ConfigureAwait(false);
        if (batch is null || batch.Name != nameof(BatchOrchestrator))
        {
            return null;
        }

        // Right after the start the backend's instance row can briefly carry no input yet (seen by scripts/crash-drive.sh as
        // a 500 answering POST /api/batches): the total is then not known yet.
        var input = string.IsNullOrEmpty(batch.SerializedInput) ? null : batch.ReadInputAs<BatchInput>();
        var total = input?.Items.Count ?? 0;
        IReadOnlyList<BatchItemState> items;
        JobStatus status;
        if (batch.RuntimeStatus == OrchestrationRuntimeStatus.Completed && batch.ReadOutputAs<BatchOutcome>() is { } outcome)
        {
            items = outcome.Items;
            status = outcome.Canceled ? JobStatus.Canceled : JobStatus.Completed;
        }
        else
        {
            items = await ReadItemsAsync(batchId, total, cancellationToken).ConfigureAwait(false);
            status = batch.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Pending => JobStatus.Pending,
                OrchestrationRuntimeStatus.Failed => JobStatus.Failed,
                OrchestrationRuntimeStatus.Terminated => JobStatus.Canceled,
                _ => JobStatus.Running,
            };
        }

        return new BatchState(
            batchId, status, total,
            items.Count(i => i.Status == JobStatus.Completed), items.Count(i => i.Status == JobStatus.Failed), items.Count(i => i.Status == JobStatus.Canceled),
            batch.CreatedAt, batch.LastUpdatedAt, items, JobEstimates.Batch(input, items), input?.Owner, ExpiresAt(status, batch.LastUpdatedAt));
    }

    /// <summary>
    /// When each started item of a batch ran (one query per 500 items, nothing read per item), or null when no batch
    /// <paramref name="access"/> may see has this id.
    /// </summary>
    public async Task<BatchTimeline?> GetBatchTimelineAsync(string batchId, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(access);
        if (!access.CanSee(batchId) || await client.GetInstanceAsync(batchId, false, cancellationToken).ConfigureAwait(false) is not { Name: nameof(BatchOrchestrator) } batch)
        {
            return null;
        }

        var items = new List<BatchTimelineItem>();
        var query = new OrchestrationQuery(InstanceIdPrefix: batchId + ".", PageSize: ItemPageSize, FetchInputsAndOutputs: true);
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (JobOrchestrators.JobNames.Contains(instance.Name) && BatchOrchestrator.BatchIdOf(instance.InstanceId) == batchId)
            {
                var index = int.Parse(instance.InstanceId.AsSpan(batchId.Length + 1), System.Globalization.CultureInfo.InvariantCulture);
                items.Add(new BatchTimelineItem(index, instance.InstanceId, JobStates.Outcome(instance).Status, instance.CreatedAt, instance.LastUpdatedAt));
            }
        }

        return new BatchTimeline(batchId, batch.CreatedAt, [.. items.OrderBy(i => i.Index)]);
    }

    /// <summary>
    /// A job or chain with its request (secrets removed), a timeline and the orchestration's history (read through
    /// <see cref="DurableTaskClient.GetOrchestrationHistoryAsync"/>: the standalone engine's client reads the backend; under
    /// Functions the isolated client streams it from the Durable extension's gRPC server); null when no job or chain has
    /// this id that <paramref name="access"/> may see, or it vanished (was purged) between the two reads.
    /// </summary>
    public async Task<JobDetails?> GetJobDetailsAsync(string jobId, JobAccess access, CancellationToken cancellationToken = default)
    {
        if (await ReadJobAsync(client, jobId, access, cancellationToken).ConfigureAwait(false) is not { } instance)
        {
            return null;
        }

        var state = StateOf(instance);
        var isChain = instance.Name == nameof(ChainOrchestrator);
        var (request, idempotencyKey, resumed) = ReadRequest(instance, isChain);
        IList<DurableTask.Core.History.HistoryEvent> history;
        try
        {
            history = await client.GetOrchestrationHistoryAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DurableClientErrors.IsMissing(ex))
        {
            return null;
        }

        var note = resumed
            ? "Pixazo jobs continue as new executions while they wait: this is the latest execution's history; earlier polls and webhooks are summed up in the progress counters."
            : null;
        return new JobDetails(state, isChain ? "chain" : "job", request, idempotencyKey, BatchOrchestrator.BatchIdOf(jobId),
            JobTimeline.FromHistory(state, history, resumed), JobTimeline.Events(history), note);
    }

    /// <summary>The instance of a job or chain (with its input and output) <paramref name="access"/> may see; null when there is none.</summary>
    internal static async Task<OrchestrationMetadata?> ReadJobAsync(DurableTaskClient client, string jobId, JobAccess access, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentNullException.ThrowIfNull(access);
        if (!access.CanSee(jobId))
        {
            return null;
        }

        var instance = await client.GetInstanceAsync(jobId, true, cancellationToken).ConfigureAwait(false);
        return instance is not null && JobOrchestrators.JobNames.Contains(instance.Name) ? instance : null;
    }

    /// <summary>A job's or chain's state with its expiry.</summary>
    private JobState StateOf(OrchestrationMetadata instance)
    {
        var state = JobStates.From(instance);
        return state with { ExpiresAt = ExpiresAt(state.Status, state.UpdatedAt) };
    }

    /// <summary>When something that ended at <paramref name="updatedAt"/> expires; null while it runs or when nothing expires.</summary>
    private DateTimeOffset? ExpiresAt(JobStatus status, DateTimeOffset updatedAt) =>
        status is JobStatus.Completed or JobStatus.Failed or JobStatus.Canceled ? retention?.Value.ExpiresAt(updatedAt) : null;

    /// <summary>
    /// <paramref name="instance"/> as a query returned it; an orchestration that failed (threw: an engine or code fault,
    /// not a job that failed as data) is read once more, as queries return no failure details and its error message
    /// would otherwise differ from what <see cref="GetJobAsync"/> says.
    /// </summary>
    private async Task<OrchestrationMetadata> WithFailureAsync(OrchestrationMetadata instance, CancellationToken cancellationToken) =>
        instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed && instance.FailureDetails is null
            ? await client.GetInstanceAsync(instance.InstanceId, true, cancellationToken).ConfigureAwait(false) ?? instance
            : instance;

    private async Task<IReadOnlyList<BatchItemState>> ReadItemsAsync(string batchId, int total, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, BatchItemState>(StringComparer.Ordinal);
        // Items' outcomes come with the page (one query per 500 items), not from one more read per item.
        var query = new OrchestrationQuery(InstanceIdPrefix: batchId + ".", PageSize: ItemPageSize, FetchInputsAndOutputs: true);
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!JobOrchestrators.JobNames.Contains(instance.Name))
            {
                continue;
            }

            var full = await WithFailureAsync(instance, cancellationToken).ConfigureAwait(false);
            var (status, _, error) = JobStates.Outcome(full);
            known[instance.InstanceId] = new BatchItemState(0, instance.InstanceId, status, error, JobStates.CostOf(full));
        }

        return [.. Enumerable.Range(0, total).Select(i =>
        {
            var id = BatchOrchestrator.ItemId(batchId, i);
            return known.TryGetValue(id, out var state) ? state with { Index = i } : new BatchItemState(i, id, JobStatus.Pending);
        })];
    }

    private static (System.Text.Json.JsonElement? Request, string? IdempotencyKey, bool Resumed) ReadRequest(OrchestrationMetadata instance, bool isChain)
    {
        if (string.IsNullOrEmpty(instance.SerializedInput))
        {
            return (null, null, false);
        }

        if (isChain)
        {
            var chain = instance.ReadInputAs<ChainInput>()!;
            return (RequestRedaction.Chain(chain), null, false);
        }

        var job = instance.ReadInputAs<JobInput>()!;
        return (RequestRedaction.Job(job.Request), job.Request.IdempotencyKey, job.Resume is not null);
    }

    private static bool Matches(JobQuery query, OrchestrationMetadata instance, JobState state)
    {
        if (query.Kinds is { Count: > 0 } kinds && !kinds.Contains(state.Kind))
        {
            return false;
        }

        if (query.Providers is { Count: > 0 } providers && !providers.Contains(state.Provider))
        {
            return false;
        }

        if (query.Search is not { Length: > 0 } search || state.Id.Contains(search, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return instance.Name != nameof(ChainOrchestrator)
            && !string.IsNullOrEmpty(instance.SerializedInput)
            && instance.ReadInputAs<JobInput>()?.Request.IdempotencyKey is { } key
            && key.Contains(search, StringComparison.OrdinalIgnoreCase);
    }
}
