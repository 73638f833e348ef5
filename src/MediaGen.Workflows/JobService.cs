using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MediaGen.Core.Costs;
using MediaGen.Core.Jobs;
using MediaGen.Core.Notifications;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Validation;
using MediaGen.Core.Secrets;
using MediaGen.Core.Telemetry;
using MediaGen.Workflows.Budgets;
using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace MediaGen.Workflows;

/// <summary>
/// The job API the HTTP, queue and blob layers call: start (validated fully before anything starts; idempotent on the
/// idempotency key), read, list, cancel, batches and chains. Pixazo's webhooks: <see cref="PixazoWebhookReceiver"/>;
/// budgets: <see cref="BudgetLedger"/>.
/// </summary>
public sealed partial class JobService
{
    private readonly DurableTaskClient _client;
    private readonly JobValidator _validator;
    private readonly IOptions<WorkflowOptions> _options;
    private readonly IOptions<CallbackOptions> _callbacks;
    private readonly IOptions<CostOptions> _costs;
    private readonly BudgetLedger _budgets;
    private readonly TimeProvider _time;

    /// <summary>How old a reservation without an instance must be before it counts as abandoned (a start takes milliseconds between the two).</summary>
    private static readonly TimeSpan AbandonedReservationAge = TimeSpan.FromMinutes(5);

    /// <summary>Creates the service.</summary>
    public JobService(
        DurableTaskClient client,
        JobValidator validator,
        IOptions<WorkflowOptions> options,
        IOptions<CallbackOptions> callbacks,
        IOptions<CostOptions> costs,
        BudgetLedger budgets,
        TimeProvider time)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _callbacks = callbacks ?? throw new ArgumentNullException(nameof(callbacks));
        _costs = costs ?? throw new ArgumentNullException(nameof(costs));
        _budgets = budgets ?? throw new ArgumentNullException(nameof(budgets));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Validates and starts a job owned by <paramref name="caller"/>. The id is the caller's <see cref="JobOwner.PrefixOf"/>
    /// + <c>job-</c> + a hash of the caller and the idempotency key when there is one (the same caller's same key always
    /// names the same job, a repeat starts nothing; another caller's equal key names another job), else the prefix +
    /// <paramref name="instanceId"/> (e.g. a queue message id), else the prefix + a new id.
    /// </summary>
    /// <param name="request">The job.</param>
    /// <param name="instanceId">An id to use when the request has no idempotency key: 1–80 letters, digits, '-' or '_'.</param>
    /// <param name="cancellationToken">Cancels the call (not the job).</param>
    /// <param name="caller">The caller the job belongs to and whose budgets its estimate is reserved from (<see cref="DefaultCaller"/> when null).</param>
    /// <exception cref="RequestValidationException">The request is invalid; nothing was started. Every problem is listed.</exception>
    /// <exception cref="BudgetExceededException">The estimate does not fit the caller's remaining budget; nothing was started.</exception>
    /// <exception cref="NotConfiguredException">The request asks for a callback and callbacks cannot be signed; nothing was started.</exception>
    public async Task<JobStartResult> StartJobAsync(JobRequest request, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var job = _validator.Check(request, now);
        RequestValidationException.ThrowIfAny(job.Errors);
        _validator.RequireCallbacks(request.CallbackUrl);
        caller ??= DefaultCaller;
        var id = IdFor("job", request.IdempotencyKey, instanceId, caller);
        var input = Costed(new JobInput(request, request.Deadline ?? now + _options.Value.DefaultJobTimeout, Policy(), Owner: caller), job.Requests);
        using var span = StartSpan("job", id, request.Provider, request.Kind);
        input = input with { TraceParent = TraceParentOf(span) };
        return await StartPaidAsync(
            JobOrchestrators.For(request), id, caller, ReservedCosts(input), hold => input with { Budget = hold }, span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="input"/> with its estimate (and, with fallbacks, every provider's estimate), from the candidates'
    /// requests as the validator bound them (<see cref="CheckedJob.Requests"/>).
    /// </summary>
    private JobInput Costed(JobInput input, IReadOnlyList<object?> typed)
    {
        var candidates = input.Request.Candidates();
        var costs = candidates.Select((c, i) => JobCosts.Estimate(c, typed[i]!, _costs.Value)).ToList();
        return input with { Cost = costs[0], CandidateCosts = candidates.Count > 1 ? costs : null };
    }

    /// <summary>
    /// What a job reserves: its estimate; with fallbacks, per unit the largest estimate of its providers (one of them buys
    /// at most), unknown when any of them is.
    /// </summary>
    private static IEnumerable<JobCost> ReservedCosts(JobInput input) =>
        input.CandidateCosts is { } all
            ? all.GroupBy(c => c.Unit, StringComparer.Ordinal).Select(g => new JobCost(g.Key, g.Any(c => c.Estimate is null) ? null : g.Max(c => c.Estimate)))
            : input.Cost is { } cost ? [cost] : [];

    /// <summary>Reads the job JSON strictly (<see cref="JobRequestReader"/>), then <see cref="StartJobAsync(JobRequest, string?, CancellationToken, string?)"/>.</summary>
    /// <exception cref="RequestValidationException">The JSON or the request is invalid; nothing was started.</exception>
    /// <exception cref="BudgetExceededException">The estimate does not fit the caller's remaining budget; nothing was started.</exception>
    public Task<JobStartResult> StartJobAsync(ReadOnlyMemory<byte> utf8Json, string? instanceId = null, CancellationToken cancellationToken = default, string? caller = null) =>
        StartJobAsync(JobReading.Read(utf8Json.Span, _time.GetUtcNow()), instanceId, cancellationToken, caller);

    /// <summary>The caller identity of <c>Api__Key</c> (both hosts), the default intake caller of queue messages and inbox blobs, and of starts that name no caller.</summary>
    public const string DefaultCaller = "default";

    /// <summary>A job or chain, or null when none has this id that <paramref name="access"/> may see (batches: <see cref="GetBatchAsync"/>).</summary>
    public async Task<JobState?> GetJobAsync(string jobId, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentNullException.ThrowIfNull(access);
        if (!access.CanSee(jobId))
        {
            return null;
        }

        var instance = await _client.GetInstanceAsync(jobId, true, cancellationToken).ConfigureAwait(false);
        return instance is not null && JobOrchestrators.JobNames.Contains(instance.Name) ? JobStates.From(instance) : null;
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
        await foreach (var first in _client.GetAllInstancesAsync(filter).AsPages(continuation, query.PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            page = first;
            break;
        }

        page ??= new Page<OrchestrationMetadata>([], null);
        var jobs = new List<JobState>();
        foreach (var instance in page.Values.Where(i => JobOrchestrators.JobNames.Contains(i.Name)))
        {
            var full = await WithFailureAsync(instance, cancellationToken).ConfigureAwait(false);
            if (JobStates.From(full) is { } state && (wanted is null || wanted.Contains(state.Status)) && Matches(query, full, state))
            {
                jobs.Add(state);
            }
        }

        return new JobPage(jobs, page.ContinuationToken is { } next ? JobPageToken.Encode(next) : null);
    }

    /// <summary>
    /// <paramref name="instance"/> as a query returned it; an orchestration that failed (threw: an engine or code fault,
    /// not a job that failed as data) is read once more, as queries return no failure details and its error message
    /// would otherwise differ from what <see cref="GetJobAsync"/> says.
    /// </summary>
    private async Task<OrchestrationMetadata> WithFailureAsync(OrchestrationMetadata instance, CancellationToken cancellationToken) =>
        instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed && instance.FailureDetails is null
            ? await _client.GetInstanceAsync(instance.InstanceId, true, cancellationToken).ConfigureAwait(false) ?? instance
            : instance;

    /// <summary>The largest <see cref="JobQuery.PageSize"/>: instances one list page reads.</summary>
    public const int MaxPageSize = 1000;

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

        var instance = await _client.GetInstanceAsync(jobId, false, cancellationToken).ConfigureAwait(false);
        if (instance is null || !(JobOrchestrators.JobNames.Contains(instance.Name) || instance.Name == nameof(BatchOrchestrator)))
        {
            return JobCancelResult.NotFound;
        }

        if (instance.IsCompleted)
        {
            return JobCancelResult.AlreadyFinished;
        }

        var (raised, now) = await InstanceEvents.TryRaiseAsync(_client, instance, WorkflowEvents.Cancel, new CancelRequest(reason), cancellationToken).ConfigureAwait(false);
        return raised ? JobCancelResult.CancelRequested : now is null ? JobCancelResult.NotFound : JobCancelResult.AlreadyFinished;
    }

    /// <summary>
    /// The <c>job start</c> span (Producer) whose context the orchestration input carries, so the whole job is one trace;
    /// null when nobody listens.
    /// </summary>
    private static Activity? StartSpan(string type, string id, ProviderName? provider = null, JobKind? kind = null)
    {
        var span = MediaGenTelemetry.StartSpan("job start", ActivityKind.Producer);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.JobIdTag, id);
            span.SetTag(MediaGenTelemetry.JobTypeTag, type);
            if (provider is { } p)
            {
                span.SetTag(MediaGenTelemetry.ProviderTag, JobRequestReader.ProviderText(p));
            }

            if (kind is { } k)
            {
                span.SetTag(MediaGenTelemetry.JobKindTag, JobRequestReader.KindText(k));
            }
        }

        return span;
    }

    /// <summary>The span's W3C context when it records; else the caller's current one (so an unsampled caller still propagates).</summary>
    private static string? TraceParentOf(Activity? span) =>
        span is { IdFormat: ActivityIdFormat.W3C } ? span.Id : MediaGenTelemetry.CurrentTraceParent();

    /// <summary>
    /// Starts an instance whose costs are <paramref name="costs"/>: unless it exists already, their estimates are first
    /// reserved from the caller's budgets (a refusal throws and starts nothing; reservations made before it are released),
    /// and released again when the start itself fails.
    /// </summary>
    private async Task<JobStartResult> StartPaidAsync(
        string orchestrator, string id, string? caller, IEnumerable<JobCost?> costs, Func<BudgetHold?, object> input, Activity? span,
        CancellationToken cancellationToken)
    {
        if (await _client.GetInstanceAsync(id, false, cancellationToken).ConfigureAwait(false) is not null)
        {
            span?.SetTag("mediagen.job.existed", true);
            return new JobStartResult(id, AlreadyExisted: true);
        }

        var hold = await ReserveAsync(caller ?? DefaultCaller, id, costs, cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartAsync(orchestrator, id, input(hold), span, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (hold is not null && await _client.GetInstanceAsync(id, false, CancellationToken.None).ConfigureAwait(false) is null)
            {
                await _budgets.ReleaseAsync(id, hold).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Reserves <paramref name="costs"/> for <paramref name="id"/>; on a refusal, first releases the caller's reservations
    /// of orchestrations terminated from outside or purged (<see cref="BudgetLedger.ReleaseAbandonedAsync"/>: asked only
    /// when the budget looks spent, so a start pays for those reads only then) and tries once more.
    /// </summary>
    private async Task<BudgetHold?> ReserveAsync(string caller, string id, IEnumerable<JobCost?> costs, CancellationToken cancellationToken)
    {
        var all = costs as IReadOnlyCollection<JobCost?> ?? [.. costs];
        try
        {
            return await _budgets.ReserveAllAsync(caller, id, all, cancellationToken).ConfigureAwait(false);
        }
        catch (BudgetExceededException)
        {
            if (await _budgets.ReleaseAbandonedAsync(caller, IsAbandonedAsync, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw;
            }

            return await _budgets.ReserveAllAsync(caller, id, all, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the work holding a reservation under <paramref name="id"/> ended without settling it: terminated, or gone
    /// (purged) — but a reservation younger than <see cref="AbandonedReservationAge"/> without an instance may be a start
    /// between its reservation and its instance, so it stays.
    /// </summary>
    private async Task<bool> IsAbandonedAsync(string id, DateTimeOffset? takenAt, CancellationToken cancellationToken) =>
        await _client.GetInstanceAsync(id, false, cancellationToken).ConfigureAwait(false) is { } instance
            ? instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated
            : takenAt is null || takenAt < _time.GetUtcNow() - AbandonedReservationAge;

    /// <summary>
    /// Schedules the instance, read as not existing by <see cref="StartPaidAsync"/>: a concurrent start of the same id is
    /// refused by the engine (every status deduplicated) and settled by reading again, so a start reads the instance once.
    /// </summary>
    private async Task<JobStartResult> StartAsync(string orchestrator, string id, object input, Activity? span, CancellationToken cancellationToken)
    {
        try
        {
            // Durable Functions restarts a finished instance whose id is started again unless told not to: refuse every status.
            await _client.ScheduleNewOrchestrationInstanceAsync(
                orchestrator, input, new StartOrchestrationOptions(id) { DedupeStatuses = EveryStatus }, cancellationToken).ConfigureAwait(false);
            return new JobStartResult(id, AlreadyExisted: false);
        }
        catch (Exception ex) when (DurableClientErrors.IsCancellation(ex, cancellationToken))
        {
            throw new OperationCanceledException("The start was canceled.", ex, cancellationToken);
        }
        catch (Exception)
        {
            // A concurrent start with the same id won the race: the job exists once. The clients say so their own way (DTFx's
            // OrchestrationAlreadyExistsException from both; a raw RpcException AlreadyExists from a gRPC client that does not
            // convert it), and a backend's own write conflict is another way, so any refusal is settled by reading again.
            if (await _client.GetInstanceAsync(id, false, cancellationToken).ConfigureAwait(false) is null)
            {
                throw;
            }

            span?.SetTag("mediagen.job.existed", true);
            return new JobStartResult(id, AlreadyExisted: true);
        }
    }

    /// <summary>Every runtime status: a start never replaces an instance, whatever state it is in.</summary>
    private static readonly IReadOnlyList<string> EveryStatus = [.. Enum.GetNames<OrchestrationRuntimeStatus>()];

    private JobPolicy Policy() => JobPolicy.From(_options.Value, _callbacks.Value);

    /// <summary>Longest instance id a start may be given (the owner prefix and batch item or failover suffixes stay within the engine's 100).</summary>
    public const int MaxGivenInstanceIdLength = 80;

    /// <summary>
    /// The id <paramref name="owner"/>'s <paramref name="idempotencyKey"/> names for a <paramref name="kind"/> (<c>job</c>,
    /// <c>batch</c>, <c>chain</c>): the owner's <see cref="JobOwner.PrefixOf"/> + <c>{kind}-</c> + the first 128 bits of
    /// SHA-256 of kind, owner (case-insensitive) and key, in hex.
    /// </summary>
    public static string KeyedId(string kind, string owner, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + owner.ToLowerInvariant() + ":" + idempotencyKey));
        return $"{JobOwner.PrefixOf(owner)}{kind}-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }

    /// <summary><see cref="KeyedId"/> when there is a key; else the owner's prefix + the given id; else the prefix + a new one.</summary>
    private static string IdFor(string kind, string? idempotencyKey, string? instanceId, string owner)
    {
        var prefix = JobOwner.PrefixOf(owner);
        if (idempotencyKey is not null)
        {
            return KeyedId(kind, owner, idempotencyKey);
        }

        if (instanceId is not null)
        {
            if (instanceId.Length is 0 or > MaxGivenInstanceIdLength || !instanceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"An instance id must be 1–{MaxGivenInstanceIdLength} letters, digits, '-' or '_'.", nameof(instanceId));
            }

            return prefix + instanceId;
        }

        return $"{prefix}{kind}-{Guid.NewGuid():N}";
    }
}
