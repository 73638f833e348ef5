namespace MediaGen.Durable;

/// <summary>
/// Base class of activities: the units of real work (I/O, provider calls). Executed at least once:
/// a crash before the result is recorded runs the activity again, so make it idempotent.
/// Mirrors <c>Microsoft.DurableTask.TaskActivity&lt;TInput, TOutput&gt;</c>.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The result type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc />
    Type ITaskActivity.InputType => typeof(TInput);

    /// <inheritdoc />
    Type ITaskActivity.OutputType => typeof(TOutput);

    /// <summary>Runs the activity.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(false);
}
