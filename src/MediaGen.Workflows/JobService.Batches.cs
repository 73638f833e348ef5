using MediaGen.Core.Costs;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Validation;
using MediaGen.Core.Telemetry;
using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask.Client;

namespace MediaGen.Workflows;

public sealed partial class JobService
{
    /// <summary>
    /// Validates every item, then starts a batch owned by <paramref name="caller"/> (its <see cref="JobOwner.PrefixOf"/> +
    /// <c>batch-…</c>; idempotent on the caller's key). Items run as jobs <c>{batchId}.{index:D4}</c> of the same owner; one
    /// failing never fails the others.
    /// </summary>
    /// <exception cref="RequestValidationException">An item or the batch is invalid (fields named <c>items[i].…</c>); nothing was started.</exception>
    /// <exception cref="Budgets.BudgetExceededException">The items' summed estimates do not fit the caller's remaining budget; nothing was started.</exception>
    /// <exception cref="Core.Secrets.NotConfiguredException">The batch asks for a callback and callbacks cannot be signed; nothing was started.</exception>
    public async Task<JobStartResult> StartBatchAsync(BatchRequest request, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var settings = _options.Value;
        // Items with fallbacks may buy in another unit than their primary's: the batch totals and settlement count their outcomes.
        var errors = new List<ValidationError>();
        var bound = new List<IReadOnlyList<object?>>();
        if (request.Items.Count == 0 || request.Items.Count > settings.BatchMaxItems)
        {
            errors.Add(new ValidationError("items", "range", $"must hold 1–{settings.BatchMaxItems} jobs (Workflows__BatchMaxItems; had {request.Items.Count})"));
        }

        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var checkedItem = _validator.Check(item, now, $"items[{i}].");
            errors.AddRange(checkedItem.Errors);
            bound.Add(checkedItem.Requests);
            if (item.IdempotencyKey is not null)
            {
                errors.Add(new ValidationError($"items[{i}].idempotencyKey", "not_supported", "is set on the batch, not on its items"));
            }

            if (item.CallbackUrl is not null)
            {
                errors.Add(new ValidationError($"items[{i}].callbackUrl", "not_supported", "is set on the batch, not on its items"));
            }
        }

        _validator.CheckCommon(null, request.IdempotencyKey, request.CallbackUrl, null, now, errors);
        RequestValidationException.ThrowIfAny(errors);
        _validator.RequireCallbacks(request.CallbackUrl);
        var policy = Policy();
        caller ??= DefaultCaller;
        var id = IdFor("batch", request.IdempotencyKey, instanceId, caller);
        using var span = StartSpan("batch", id);
        span?.SetTag(MediaGenTelemetry.ItemsTag, request.Items.Count);
        var traceParent = TraceParentOf(span);
        var items = request.Items.Select((item, i) => Costed(new JobInput(item, item.Deadline, policy, Notify: false, TraceParent: traceParent, Owner: caller), bound[i])).ToList();
        return await StartPaidAsync(
            nameof(BatchOrchestrator), id, caller, items.SelectMany(ReservedCosts),
            hold => new BatchInput(items, policy, request.CallbackUrl, hold, traceParent, caller), span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the batch JSON strictly (<see cref="BatchRequestReader"/>), then starts it.</summary>
    /// <exception cref="RequestValidationException">The JSON or an item is invalid; nothing was started.</exception>
    public Task<JobStartResult> StartBatchAsync(ReadOnlyMemory<byte> utf8Json, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null) =>
        StartBatchAsync(BatchRequestReader.Read(utf8Json.Span, _time.GetUtcNow()), instanceId, cancellationToken, caller);

    /// <summary>A batch with every item's status, or null when no batch <paramref name="access"/> may see has this id.</summary>
    public async Task<BatchState?> GetBatchAsync(string batchId, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentNullException.ThrowIfNull(access);
        if (!access.CanSee(batchId))
        {
            return null;
        }

        var batch = await _client.GetInstanceAsync(batchId, true, cancellationToken).ConfigureAwait(false);
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
            batch.CreatedAt, batch.LastUpdatedAt, items, BatchCosts(input, items), input?.Owner);
    }

    /// <summary>
    /// Validates and starts a chained video extension owned by <paramref name="caller"/> (its <see cref="JobOwner.PrefixOf"/>
    /// + <c>chain-…</c>; idempotent on the caller's key): the initial video (or the given media id), then one extension per
    /// prompt, each segment stored as it lands.
    /// </summary>
    /// <exception cref="RequestValidationException">The chain is invalid; nothing was started.</exception>
    /// <exception cref="Budgets.BudgetExceededException">The chain's estimate does not fit the caller's remaining budget; nothing was started.</exception>
    /// <exception cref="Core.Secrets.NotConfiguredException">The chain asks for a callback and callbacks cannot be signed; nothing was started.</exception>
    public async Task<JobStartResult> StartChainAsync(ChainRequest request, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        RequestValidationException.ThrowIfAny(_validator.ValidateChain(request, _options.Value.ChainMaxSteps, now));
        _validator.RequireCallbacks(request.CallbackUrl);
        caller ??= DefaultCaller;
        var id = IdFor("chain", request.IdempotencyKey, instanceId, caller);
        using var span = StartSpan("chain", id, ProviderName.Cosmic, JobKind.VideoExtension);
        var input = new ChainInput(
            request.Initial, request.MediaId, request.Prompts, request.Model, request.Output, request.CallbackUrl,
            request.Deadline ?? now + _options.Value.DefaultJobTimeout, Policy(), ChainEstimate(request), TraceParent: TraceParentOf(span), Owner: caller);
        return await StartPaidAsync(
            nameof(ChainOrchestrator), id, caller, [input.Cost], hold => input with { Budget = hold }, span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A chain's estimate: the initial video (when it makes one) plus one extension per prompt.</summary>
    private static JobCost ChainEstimate(ChainRequest request)
    {
        decimal? total = request.Prompts.Count * CosmicTokenCosts.VideoExtension(request.Model);
        if (request.Initial is { } initial)
        {
            total += JobCosts.Estimate(new JobRequest(JobKind.Video, Core.Providers.ProviderName.Cosmic, initial)).Estimate;
        }

        return new JobCost(CostUnits.Tokens, total);
    }

    /// <summary>Reads the chain JSON strictly (<see cref="ChainRequestReader"/>), then starts it.</summary>
    /// <exception cref="RequestValidationException">The JSON or the chain is invalid; nothing was started.</exception>
    public Task<JobStartResult> StartChainAsync(ReadOnlyMemory<byte> utf8Json, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null) =>
        StartChainAsync(ChainRequestReader.Read(utf8Json.Span, _time.GetUtcNow()), instanceId, cancellationToken, caller);

    /// <summary>The batch's totals: every item's estimate (from the batch input) with the actual cost of those that ended.</summary>
    internal static IReadOnlyList<CostTotal> BatchCosts(BatchInput? input, IReadOnlyList<BatchItemState> items)
    {
        if (input is null)
        {
            return JobCosts.Totals(items.Select(i => i.Cost));
        }

        // An item that ended reports its own cost (a fallback may have served it in another unit); the others their estimate.
        return JobCosts.Totals(input.Items.Select((item, i) => i < items.Count && items[i].Cost is { } ended ? ended : item.Cost));
    }

    private async Task<IReadOnlyList<BatchItemState>> ReadItemsAsync(string batchId, int total, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, BatchItemState>(StringComparer.Ordinal);
        // Items' outcomes come with the page (one query per 500 items), not from one more read per item.
        var query = new OrchestrationQuery(InstanceIdPrefix: batchId + ".", PageSize: 500, FetchInputsAndOutputs: true);
        await foreach (var instance in _client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
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
}
