namespace MediaGen.Workflows;

/// <summary>
/// Starts jobs, batches and chains: each request is validated fully before anything starts (every problem listed),
/// estimated, and started at most once under its owner's id (<see cref="JobIds"/>) by <see cref="InstanceStarter"/>,
/// which reserves the estimate from the owner's budgets first.
/// </summary>
public sealed class JobStarter(
    JobValidator validator,
    IOptions<WorkflowOptions> options,
    IOptions<CallbackOptions> callbacks,
    IOptions<CostOptions> costs,
    InstanceStarter instances,
    TimeProvider time)
{
    /// <summary>
    /// Validates and starts a job owned by <paramref name="caller"/> (<see cref="JobOwner.DefaultCaller"/> when null), with
    /// the id <see cref="JobIds.For"/> gives it.
    /// </summary>
    /// <param name="request">The job.</param>
    /// <param name="instanceId">An id to use when the request has no idempotency key: 1–80 letters, digits, '-' or '_'.</param>
    /// <param name="cancellationToken">Cancels the call (not the job).</param>
    /// <param name="caller">The caller the job belongs to and whose budgets its estimate is reserved from.</param>
    /// <exception cref="RequestValidationException">The request is invalid; nothing was started. Every problem is listed.</exception>
    /// <exception cref="BudgetExceededException">The estimate does not fit the caller's remaining budget; nothing was started.</exception>
    /// <exception cref="Core.Secrets.NotConfiguredException">The request asks for a callback and callbacks cannot be signed; nothing was started.</exception>
    public async Task<JobStartResult> StartJobAsync(JobRequest request, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var job = validator.Check(request, now);
        RequestValidationException.ThrowIfAny(job.Errors);
        validator.RequireCallbacks(request.CallbackUrl);
        caller ??= JobOwner.DefaultCaller;
        var id = JobIds.For("job", request.IdempotencyKey, instanceId, caller);
        var input = JobEstimates.Costed(
            new JobInput(request, request.Deadline ?? now + options.Value.DefaultJobTimeout, Policy(), Owner: caller), job.Requests, costs.Value);
        using var span = JobStartSpan.Start("job", id, request.Provider, request.Kind);
        input = input with { TraceParent = JobStartSpan.TraceParentOf(span) };
        return await instances.StartAsync(
            JobOrchestrators.For(request), id, caller, JobEstimates.Reserved(input), hold => input with { Budget = hold }, span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the job JSON strictly (<see cref="JobRequestReader"/>), then <see cref="StartJobAsync(JobRequest, string?, CancellationToken, string?)"/>.</summary>
    /// <exception cref="RequestValidationException">The JSON or the request is invalid; nothing was started.</exception>
    /// <exception cref="BudgetExceededException">The estimate does not fit the caller's remaining budget; nothing was started.</exception>
    public Task<JobStartResult> StartJobAsync(ReadOnlyMemory<byte> utf8Json, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null) =>
        StartJobAsync(JobReading.Read(utf8Json.Span, time.GetUtcNow()), instanceId, cancellationToken, caller);

    /// <summary>
    /// Validates every item, then starts a batch owned by <paramref name="caller"/> (its <see cref="JobOwner.PrefixOf"/> +
    /// <c>batch-…</c>; idempotent on the caller's key). Items run as jobs <c>{batchId}.{index:D4}</c> of the same owner; one
    /// failing never fails the others.
    /// </summary>
    /// <exception cref="RequestValidationException">An item or the batch is invalid (fields named <c>items[i].…</c>); nothing was started.</exception>
    /// <exception cref="BudgetExceededException">The items' summed estimates do not fit the caller's remaining budget; nothing was started.</exception>
    /// <exception cref="Core.Secrets.NotConfiguredException">The batch asks for a callback and callbacks cannot be signed; nothing was started.</exception>
    public async Task<JobStartResult> StartBatchAsync(BatchRequest request, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var bound = CheckBatch(request, now);
        validator.RequireCallbacks(request.CallbackUrl);
        var policy = Policy();
        caller ??= JobOwner.DefaultCaller;
        var id = JobIds.For("batch", request.IdempotencyKey, instanceId, caller);
        using var span = JobStartSpan.Start("batch", id);
        span?.SetTag(MediaGenTelemetry.ItemsTag, request.Items.Count);
        var traceParent = JobStartSpan.TraceParentOf(span);
        var items = request.Items
            .Select((item, i) => JobEstimates.Costed(new JobInput(item, item.Deadline, policy, Notify: false, TraceParent: traceParent, Owner: caller), bound[i], costs.Value))
            .ToList();
        return await instances.StartAsync(
            nameof(BatchOrchestrator), id, caller, items.SelectMany(JobEstimates.Reserved),
            hold => new BatchInput(items, policy, request.CallbackUrl, hold, traceParent, caller), span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the batch JSON strictly (<see cref="BatchRequestReader"/>), then starts it.</summary>
    /// <exception cref="RequestValidationException">The JSON or an item is invalid; nothing was started.</exception>
    public Task<JobStartResult> StartBatchAsync(ReadOnlyMemory<byte> utf8Json, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null) =>
        StartBatchAsync(BatchRequestReader.Read(utf8Json.Span, time.GetUtcNow()), instanceId, cancellationToken, caller);

    /// <summary>
    /// Validates and starts a chained video extension owned by <paramref name="caller"/> (its <see cref="JobOwner.PrefixOf"/>
    /// + <c>chain-…</c>; idempotent on the caller's key): the initial video (or the given media id), then one extension per
    /// prompt, each segment stored as it lands.
    /// </summary>
    /// <exception cref="RequestValidationException">The chain is invalid; nothing was started.</exception>
    /// <exception cref="BudgetExceededException">The chain's estimate does not fit the caller's remaining budget; nothing was started.</exception>
    /// <exception cref="Core.Secrets.NotConfiguredException">The chain asks for a callback and callbacks cannot be signed; nothing was started.</exception>
    public async Task<JobStartResult> StartChainAsync(ChainRequest request, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        RequestValidationException.ThrowIfAny(validator.ValidateChain(request, options.Value.ChainMaxSteps, now));
        validator.RequireCallbacks(request.CallbackUrl);
        caller ??= JobOwner.DefaultCaller;
        var id = JobIds.For("chain", request.IdempotencyKey, instanceId, caller);
        using var span = JobStartSpan.Start("chain", id, ProviderName.Cosmic, JobKind.VideoExtension);
        var input = new ChainInput(
            request.Initial, request.MediaId, request.Prompts, request.Model, request.Output, request.CallbackUrl,
            request.Deadline ?? now + options.Value.DefaultJobTimeout, Policy(), JobEstimates.Chain(request),
            TraceParent: JobStartSpan.TraceParentOf(span), Owner: caller);
        return await instances.StartAsync(
            nameof(ChainOrchestrator), id, caller, [input.Cost], hold => input with { Budget = hold }, span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the chain JSON strictly (<see cref="ChainRequestReader"/>), then starts it.</summary>
    /// <exception cref="RequestValidationException">The JSON or the chain is invalid; nothing was started.</exception>
    public Task<JobStartResult> StartChainAsync(ReadOnlyMemory<byte> utf8Json, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null) =>
        StartChainAsync(ChainRequestReader.Read(utf8Json.Span, time.GetUtcNow()), instanceId, cancellationToken, caller);

    /// <summary>Checks the batch and every item; the items' requests as the validator bound them.</summary>
    /// <exception cref="RequestValidationException">Anything is invalid; every problem is listed.</exception>
    private List<IReadOnlyList<object?>> CheckBatch(BatchRequest request, DateTimeOffset now)
    {
        var maxItems = options.Value.BatchMaxItems;
        var errors = new List<ValidationError>();
        var bound = new List<IReadOnlyList<object?>>();
        if (request.Items.Count == 0 || request.Items.Count > maxItems)
        {
            errors.Add(new ValidationError("items", "range", $"must hold 1–{maxItems} jobs (Workflows__BatchMaxItems; had {request.Items.Count})"));
        }

        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var checkedItem = validator.Check(item, now, $"items[{i}].");
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

        validator.CheckCommon(null, request.IdempotencyKey, request.CallbackUrl, null, now, errors);
        RequestValidationException.ThrowIfAny(errors);
        return bound;
    }

    private JobPolicy Policy() => JobPolicy.From(options.Value, callbacks.Value);
}
