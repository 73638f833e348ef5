using Microsoft.Extensions.Logging;

namespace MediaGen.Durable;

/// <summary>
/// What an orchestration may do: every member is replay-safe. Shaped like
/// <c>Microsoft.DurableTask.TaskOrchestrationContext</c> so an adapter onto it is one line per member.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator's registered name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The id of this orchestration instance.</summary>
    public abstract string InstanceId { get; }

    /// <summary>True while the code re-runs from history (its effects already happened once).</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The replay-safe current time: when the current episode started (UTC).</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>The factory behind <see cref="CreateReplaySafeLogger(string)"/>.</summary>
    protected abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>The orchestration's input.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Calls an activity and waits for it to finish.</summary>
    /// <exception cref="TaskFailedException">The activity failed (after any retries).</exception>
    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Calls an activity and returns its result.</summary>
    /// <exception cref="TaskFailedException">The activity failed (after any retries).</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    /// <summary>Runs a sub-orchestration and waits for it to finish.</summary>
    /// <exception cref="TaskFailedException">The sub-orchestration failed (after any retries).</exception>
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>
    /// Runs a sub-orchestration and returns its output. Pass <see cref="SubOrchestrationOptions"/> for an
    /// explicit instance id; otherwise the id is derived deterministically from this instance.
    /// </summary>
    /// <exception cref="TaskFailedException">The sub-orchestration failed (after any retries).</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>A durable timer firing at <paramref name="fireAt"/> (UTC). Cancelling the token cancels the task.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer firing after <paramref name="delay"/>. Cancelling the token cancels the task.</summary>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for an external event. Events raised before the wait are buffered and delivered in the
    /// order they arrived (FIFO per name).
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TaskCanceledException">The timeout expired first (as Microsoft.DurableTask does).</exception>
    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) =>
        WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    /// <summary>Waits for an external event at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TaskCanceledException">The timeout expired first (as Microsoft.DurableTask does).</exception>
    public virtual async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await WaitForExternalEvent<T>(eventName, cancellationToken);
        }

        // The same composition Microsoft.DurableTask uses: a durable timer raced against the event.
        using var timerCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = CreateTimer(timeout, timerCts.Token);
        using var eventCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var externalEvent = WaitForExternalEvent<T>(eventName, eventCts.Token);
        var winner = await Task.WhenAny(timer, externalEvent);
        if (winner == externalEvent)
        {
            timerCts.Cancel();
        }
        else
        {
            eventCts.Cancel();
        }

        return await externalEvent;
    }

    /// <summary>Sends an event to another orchestration instance (fire and forget).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object? payload);

    /// <summary>Sets the custom status clients read from the instance metadata (null clears it).</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>
    /// Restarts this instance with a new input and an empty history once the orchestrator returns.
    /// Events received but not yet consumed are carried over when <paramref name="preserveUnprocessedEvents"/> is true.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A deterministic (name-based, version 5) GUID: the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the code is not replaying.</summary>
    public virtual ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    /// <summary>A logger that writes only when the code is not replaying.</summary>
    public virtual ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
