namespace MediaGen.Engine;

/// <summary>
/// Keeps this process from taking new activity messages while an activity it holds is riding out a storage outage.
/// <para>
/// The Azure Storage backend remembers every activity message it handed out (<c>activeActivitySessions</c>, keyed by
/// message id) until completing or abandoning it succeeds, and refuses a message it already holds ("Work item queue
/// message with ID = … is being processed multiple times concurrently") without giving it back. Renewals fail during an
/// outage, so a message whose activity is running again in place (<see cref="ScopedActivity"/>) or whose completion is
/// being tried again becomes visible while storage is down; once storage answers, this process's own dispatcher dequeues
/// it again, the backend refuses it, and that dequeue replaces the pop receipt the held work item carries. Completing or
/// abandoning the held work item then fails (<c>PopReceiptMismatch</c>), its entry is never removed, and every later
/// delivery of the message is refused until the process restarts — an activity that never finishes, or, when its result
/// was sent, a message that circles the work-item queue forever.
/// </para>
/// <para>
/// So while any activity of this process is held (from its first outage failure until its work item is completed or
/// abandoned) the activity dispatcher takes no new message (<see cref="WaitUntilOpenAsync"/>), and the lock call already
/// waiting for a message (the backend polls the queue inside it until one comes) is canceled when the gate closes
/// (<see cref="OpenPeriod"/>; storage is down then, so it cannot have taken one): the held work item's pop receipt stays
/// the current one, and completing it succeeds once storage answers. Activities already running go on.
/// </para>
/// </summary>
internal sealed class ActivityOutageGate
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private TaskCompletionSource _open = NewOpen();
    private CancellationTokenSource _openPeriod = new();

    /// <summary>How many activities are held.</summary>
    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>The key of the activity <paramref name="context"/> runs: instance, execution and task id.</summary>
    public static string KeyOf(TaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Key(context.OrchestrationInstance, context.TaskId);
    }

    /// <summary>The key of the activity <paramref name="workItem"/> carries (the same as <see cref="KeyOf(TaskContext)"/> gives while it runs).</summary>
    public static string KeyOf(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return Key(workItem.TaskMessage.OrchestrationInstance, workItem.TaskMessage.Event is TaskScheduledEvent scheduled ? scheduled.EventId : -1);
    }

    /// <summary>Canceled when the gate closes: a lock call made while it was open stops waiting for a message then.</summary>
    public CancellationToken OpenPeriod
    {
        get
        {
            lock (_gate)
            {
                return _openPeriod.Token;
            }
        }
    }

    /// <summary>Holds the activity <paramref name="key"/> (again: no change) and closes the gate.</summary>
    public void Hold(string key)
    {
        CancellationTokenSource? closed = null;
        lock (_gate)
        {
            if (_held.Add(key) && _held.Count == 1)
            {
                _open = NewOpen();
                closed = _openPeriod;
            }
        }

        closed?.Cancel();
    }

    /// <summary>Releases the activity <paramref name="key"/> (not held: no change); the gate opens when none is held.</summary>
    public void Release(string key)
    {
        TaskCompletionSource? opened = null;
        lock (_gate)
        {
            if (_held.Remove(key) && _held.Count == 0)
            {
                opened = _open;
                // The closed period's source is not disposed: lock calls of that period may still hold its token.
                _openPeriod = new CancellationTokenSource();
            }
        }

        opened?.TrySetResult();
    }

    /// <summary>True at once when nothing is held; otherwise waits up to <paramref name="timeout"/> for the gate to open.</summary>
    public async Task<bool> WaitUntilOpenAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task open;
        lock (_gate)
        {
            if (_held.Count == 0)
            {
                return true;
            }

            open = _open.Task;
        }

        try
        {
            await open.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string Key(OrchestrationInstance instance, int taskId) =>
        $"{instance.InstanceId}|{instance.ExecutionId}|{taskId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static TaskCompletionSource NewOpen() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
