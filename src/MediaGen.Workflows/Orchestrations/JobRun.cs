using MediaGen.Core.Jobs;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;

namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// The state one job's work shares with its lifecycle: the context, the deadline, the stop signal (cancel), the
/// custom status, and the items stored so far (kept when the job stops early).
/// </summary>
internal sealed class JobRun(TaskOrchestrationContext context, DateTime deadline, CancellationToken stop, JobProgress progress, string? traceParent)
{
    private readonly List<JobResultItem> _stored = [];
    private JobProgress _progress = progress;

    public TaskOrchestrationContext Context { get; } = context;

    /// <summary>The job's W3C <c>traceparent</c> (from its input), handed to every activity call.</summary>
    public string? TraceParent { get; } = traceParent;

    /// <summary>When the job times out (UTC).</summary>
    public DateTime Deadline { get; } = deadline;

    /// <summary>Signalled when the job was canceled: the work stops at its next step.</summary>
    public CancellationToken Stop { get; } = stop;

    /// <summary>Ends the job's work with a timeout (<see cref="JobDeadlineException"/>) once the orchestration's time has reached the deadline.</summary>
    public void ThrowIfPastDeadline()
    {
        if (Context.CurrentUtcDateTime >= Deadline)
        {
            throw new JobDeadlineException();
        }
    }

    /// <summary>The custom status; setting it publishes it.</summary>
    public JobProgress Progress
    {
        get => _progress;
        set
        {
            _progress = value;
            Context.SetCustomStatus(value);
        }
    }

    /// <summary>Items stored so far, in item order.</summary>
    public IReadOnlyList<JobResultItem> Stored => _stored;

    public void AddStored(IEnumerable<JobResultItem> items)
    {
        _stored.AddRange(items);
        Progress = Progress with { ItemsStored = _stored.Count };
    }
}
