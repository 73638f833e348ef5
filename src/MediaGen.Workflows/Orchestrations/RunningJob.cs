namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// The state one job's work shares with its runner (<see cref="JobRunner"/>): the context, the deadline, the stop signal (cancel), the
/// custom status, and the items stored so far (kept when the job stops early).
/// </summary>
internal sealed class RunningJob(TaskOrchestrationContext context, DateTime deadline, CancellationToken stop, JobProgress progress, string? traceParent)
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

    /// <summary>What the job is known to have spent (finished purchases: actual cost, else their estimate).</summary>
    public decimal Spent { get; private set; }

    /// <summary>Estimates of paid calls started whose outcome is not known yet (a cancel or deadline may leave them so).</summary>
    public decimal Unsettled { get; private set; }

    /// <summary>The budget charge: what was spent, plus the estimate of every call that may have bought something.</summary>
    public decimal Charge => Spent + Unsettled;

    /// <summary>Sum of the known actual costs; null until one is known.</summary>
    public decimal? Actual { get; private set; }

    /// <summary>Where <see cref="Actual"/> comes from (<c>usage</c>, <c>price_table</c>; mixed sources say <c>price_table</c>).</summary>
    public string? ActualSource { get; private set; }

    /// <summary>Whether no paid call bought anything (none made, or each failed proving it; none is open).</summary>
    public bool NothingBought => !_bought && _open == 0;

    private bool _bought;
    private int _open;

    /// <summary>A paid provider call is about to be made.</summary>
    public void PurchaseStarting(decimal? estimate)
    {
        Unsettled += estimate ?? 0m;
        _open++;
    }

    /// <summary>
    /// A paid provider call ended: nothing was bought (a failure proving it), or something was, at <paramref name="cost"/>'s
    /// actual when known, else at its estimate.
    /// </summary>
    public void PurchaseEnded(decimal? estimate, JobCost? cost, bool nothingBought)
    {
        Unsettled -= estimate ?? 0m;
        _open--;
        if (nothingBought)
        {
            return;
        }

        _bought = true;

        if (cost?.Actual is { } actual)
        {
            Actual = (Actual ?? 0m) + actual;
            ActualSource = ActualSource is null || ActualSource == cost.Source ? cost.Source : Core.Costs.JobCosts.FromPriceTable;
            Spent += actual;
        }
        else
        {
            Spent += estimate ?? 0m;
        }
    }

    /// <summary>The job's cost as callers see it: <paramref name="estimate"/> with the actual known so far.</summary>
    public JobCost? CostOf(JobCost? estimate) => estimate is null ? null : estimate with { Actual = Actual, Source = ActualSource };
}
