namespace MediaGen.Durable;

/// <summary>
/// Base class of orchestrators. The code is replayed from history after every await, so it must be
/// deterministic: use only the context's time, guid, timers, events and replay-safe logger; no I/O,
/// no <c>DateTime.UtcNow</c>, no <c>Task.Delay</c>, no <c>ConfigureAwait(false)</c>.
/// Mirrors <c>Microsoft.DurableTask.TaskOrchestrator&lt;TInput, TOutput&gt;</c>.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The result type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    Type ITaskOrchestrator.InputType => typeof(TInput);

    /// <inheritdoc />
    Type ITaskOrchestrator.OutputType => typeof(TOutput);

    /// <summary>Runs (or replays) the orchestration.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);
}
