using System.Text.Json;
using Microsoft.DurableTask;

namespace MediaGen.Workflows.Orchestrations;

/// <summary>How the orchestrations call activities.</summary>
internal static class ActivityCalls
{
    /// <summary>
    /// <see cref="TaskOrchestrationContext.CallActivityAsync{TResult}(TaskName, object?, TaskOptions?)"/>, made once more
    /// when the result does not read as <typeparamref name="T"/>. A host killed after sending an episode's messages but
    /// before committing its history leaves a stale <c>TimerFired</c> in the control queue; when the episode runs again
    /// and, with events arriving in another order, gives that id to an activity, DTFx completes the activity with the
    /// timer's id as its result (e.g. <c>3</c>). The activity's own completion then finds no open task and DTFx drops
    /// it, so the call is made again under a new id. Deterministic: a replay reads the same history and makes the same
    /// second call. Every activity called this way is safe to run twice (paid calls hold generation-ledger claims,
    /// copies write deterministic names, deliveries keep their ids, budget settlements are idempotent).
    /// </summary>
    public static async Task<T> CallCheckedAsync<T>(this TaskOrchestrationContext context, TaskName name, object? input, TaskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await context.CallActivityAsync<T>(name, input, options);
        }
        catch (JsonException)
        {
            return await context.CallActivityAsync<T>(name, input, options);
        }
    }
}
