namespace MediaGen.Workflows.Orchestrations;

/// <summary>How the orchestrations call activities.</summary>
internal static class ActivityCalls
{
    /// <summary>How many times one call is made again after its activity was lost with the worker process that ran it.</summary>
    public const int MaxWorkerLosses = 3;

    /// <summary>The type name the Functions host gives the failure of an invocation whose worker process exited.</summary>
    private const string WorkerProcessExit = "WorkerProcessExitException";

    /// <summary>
    /// <see cref="TaskOrchestrationContext.CallActivityAsync{TResult}(TaskName, object?, TaskOptions?)"/>, made again when
    /// the activity never ran to an answer:
    /// <list type="bullet">
    /// <item>once more when the result does not read as <typeparamref name="T"/>. A host killed after sending an episode's
    /// messages but before committing its history leaves a stale <c>TimerFired</c> in the control queue; when the episode
    /// runs again and, with events arriving in another order, gives that id to an activity, DTFx completes the activity
    /// with the timer's id as its result (e.g. <c>3</c>). The activity's own completion then finds no open task and DTFx
    /// drops it, so the call is made again under a new id;</item>
    /// <item>up to <see cref="MaxWorkerLosses"/> times when the activity failed because the worker process running it was
    /// lost (<see cref="IsWorkerLoss"/>). Under Azure Functions a worker that exits mid-invocation fails the invocation with
    /// the host's <c>WorkerProcessExitException</c>, and the Durable extension (3.18) records that as the activity's
    /// failure (it abandons and retries only orchestrator invocations on it), where the standalone engine's message would
    /// simply be delivered again: without this, a worker restart fails the job.</item>
    /// </list>
    /// Deterministic: a replay reads the same history and makes the same calls. Every activity called this way is safe to
    /// run twice (paid calls hold generation-ledger claims, so a call cut off mid-purchase is not bought again; copies write
    /// deterministic names, deliveries keep their ids, budget settlements are idempotent).
    /// </summary>
    public static async Task<T> CallCheckedAsync<T>(this TaskOrchestrationContext context, TaskName name, object? input, TaskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var losses = 0; ; losses++)
        {
            try
            {
                return await context.CallActivityAsync<T>(name, input, options);
            }
            catch (JsonException)
            {
                return await context.CallActivityAsync<T>(name, input, options);
            }
            catch (TaskFailedException ex) when (losses < MaxWorkerLosses && IsWorkerLoss(ex.FailureDetails))
            {
                // The worker process died during the activity: it never answered, so make the call again.
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="failure"/> (or a failure it wraps) is the Functions host's failure of an invocation whose
    /// worker process exited, matched by type name as the Durable extension matches it.
    /// </summary>
    public static bool IsWorkerLoss(TaskFailureDetails? failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (f.ErrorType.EndsWith(WorkerProcessExit, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
