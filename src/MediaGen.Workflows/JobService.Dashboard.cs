using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Validation;
using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask.Client;

namespace MediaGen.Workflows;

public sealed partial class JobService
{
    /// <summary>Runtime statuses of instances that will not change any more (what a purge may delete).</summary>
    private static readonly OrchestrationRuntimeStatus[] FinishedStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// A job or chain with its request (secrets removed), a timeline and the orchestration's history (read through
    /// <see cref="DurableTaskClient.GetOrchestrationHistoryAsync"/>: the standalone engine's client reads the backend; under
    /// Functions the isolated client streams it from the Durable extension's gRPC server); null when no job or chain has
    /// this id, or it vanished (was purged) between the two reads.
    /// </summary>
    /// <param name="jobId">The job or chain id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<JobDetails?> GetJobDetailsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var instance = await _client.GetInstanceAsync(jobId, true, cancellationToken).ConfigureAwait(false);
        if (instance is null || !JobOrchestrators.JobNames.Contains(instance.Name))
        {
            return null;
        }

        var state = JobStates.From(instance);
        var isChain = instance.Name == nameof(ChainOrchestrator);
        var (request, idempotencyKey, resumed) = ReadRequest(instance, isChain);
        var batchId = BatchOrchestrator.BatchIdOf(jobId);
        IList<DurableTask.Core.History.HistoryEvent> history;
        try
        {
            history = await _client.GetOrchestrationHistoryAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DurableClientErrors.IsMissing(ex))
        {
            return null;
        }

        var note = resumed
            ? "Pixazo jobs continue as new executions while they wait: this is the latest execution's history; earlier polls and webhooks are summed up in the progress counters."
            : null;
        return new JobDetails(state, isChain ? "chain" : "job", request, idempotencyKey, batchId,
            JobTimeline.FromHistory(state, history, resumed), JobTimeline.Events(history), note);
    }

    /// <summary>
    /// Starts a new job (or chain) with the same request as <paramref name="jobId"/>, under <paramref name="idempotencyKey"/>
    /// (a new id when null; the same key again answers the same re-run). The original deadline is not carried over: the new
    /// job gets the default timeout. The request is validated again as any start is. Null when no job or chain has this id.
    /// </summary>
    /// <exception cref="RequestValidationException">The key is invalid, or the old request no longer passes validation; nothing was started.</exception>
    public async Task<JobStartResult?> RerunJobAsync(string jobId, string? idempotencyKey, CancellationToken cancellationToken = default, string? caller = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var errors = new List<ValidationError>();
        _validator.CheckCommon(null, idempotencyKey, null, null, _time.GetUtcNow(), errors);
        RequestValidationException.ThrowIfAny(errors);
        var instance = await _client.GetInstanceAsync(jobId, true, cancellationToken).ConfigureAwait(false);
        if (instance is null || !JobOrchestrators.JobNames.Contains(instance.Name) || string.IsNullOrEmpty(instance.SerializedInput))
        {
            return null;
        }

        if (instance.Name == nameof(ChainOrchestrator))
        {
            var chain = instance.ReadInputAs<ChainInput>()!;
            return await StartChainAsync(
                new ChainRequest(chain.Initial, chain.MediaId, chain.Prompts, chain.Model, chain.Output, idempotencyKey, chain.CallbackUrl),
                null, cancellationToken, caller).ConfigureAwait(false);
        }

        var job = instance.ReadInputAs<JobInput>()!;
        return await StartJobAsync(job.Request with { IdempotencyKey = idempotencyKey, Deadline = null }, null, cancellationToken, caller).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the records (state and history) of every finished job, chain, batch and batch item created before
    /// <paramref name="createdBefore"/>: Completed, Failed or Canceled ones; running ones are left alone. Stored media stay.
    /// </summary>
    /// <exception cref="RequestValidationException"><paramref name="createdBefore"/> is in the future.</exception>
    public async Task<JobPurgeResult> PurgeFinishedJobsAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        if (createdBefore > _time.GetUtcNow())
        {
            throw new RequestValidationException([new ValidationError("createdBefore", "range", "must not be in the future")]);
        }

        var result = await _client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(null, createdBefore, FinishedStatuses), cancellation: cancellationToken).ConfigureAwait(false);
        return new JobPurgeResult(createdBefore, result.PurgedInstanceCount, result.IsComplete != false);
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
