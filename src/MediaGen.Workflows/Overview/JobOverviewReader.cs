namespace MediaGen.Workflows.Overview;

/// <summary>
/// Computes the dashboard's overview on the server from a bounded read: one engine query for the instances created in the
/// window (pages of <see cref="PageSize"/>, with inputs and outputs, nothing read per instance; at most
/// <see cref="MaxInstances"/>) and one for the instances in flight now. Only what a <see cref="JobAccess"/> may see is counted.
/// </summary>
public sealed class JobOverviewReader(DurableTaskClient client, BudgetLedger budgets)
{
    /// <summary>The most instances one overview reads from its window; more are left out and reported (<see cref="OverviewRead.Complete"/>).</summary>
    public const int MaxInstances = 50_000;

    /// <summary>Instances one query reads.</summary>
    public const int PageSize = 1000;

    private static readonly IReadOnlyList<OrchestrationRuntimeStatus> InFlightStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>The overview of <paramref name="window"/> as <paramref name="access"/> sees it.</summary>
    public async Task<JobOverview> ReadAsync(OverviewWindow window, JobAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(access);
        var prefix = access.ListPrefix(null);
        var tally = new OverviewTally(window);
        var read = new ReadCount();
        var inWindow = new OrchestrationQuery(window.From, window.To, PageSize: PageSize, InstanceIdPrefix: prefix, FetchInputsAndOutputs: true);
        var complete = await ReadAllAsync(inWindow, read, MaxInstances, tally.Add, cancellationToken).ConfigureAwait(false);

        var phases = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFlight = new OrchestrationQuery(Statuses: InFlightStatuses, PageSize: PageSize, InstanceIdPrefix: prefix, FetchInputsAndOutputs: true);
        complete &= await ReadAllAsync(inFlight, read, MaxInstances, state =>
        {
            if (state.Status is JobStatus.Pending or JobStatus.Running)
            {
                var phase = PhaseOf(state);
                phases[phase] = phases.GetValueOrDefault(phase) + 1;
            }
        }, cancellationToken).ConfigureAwait(false);

        var spend = tally.Spend();
        var limits = spend.Select(s => (s.Caller, s.Unit)).Distinct()
            .Select(c => (c, Limits: budgets.LimitsOf(c.Caller)))
            .Select(x => new OverviewBudget(x.c.Caller, x.c.Unit, x.Limits.Daily(x.c.Unit), x.Limits.Monthly(x.c.Unit)))
            .ToList();
        return new JobOverview(
            window.From, window.To, (int)window.Interval.TotalSeconds, tally.Intervals(), tally.Durations(), tally.Failures(), spend, limits,
            [.. phases.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new OverviewPhase(p.Key, p.Value))],
            new OverviewRead(read.Instances, read.Pages, complete));
    }

    private static string PhaseOf(JobState state) =>
        state.Status == JobStatus.Pending ? "pending"
        : state.Progress is { ValueKind: System.Text.Json.JsonValueKind.Object } progress
          && progress.TryGetProperty("phase", out var phase) && phase.GetString() is { Length: > 0 } name ? name
        : "starting";

    /// <summary>Reads every page of <paramref name="query"/> (at most <paramref name="limit"/> instances); false when it stopped at the limit.</summary>
    private async Task<bool> ReadAllAsync(OrchestrationQuery query, ReadCount read, int limit, Action<JobState> add, CancellationToken cancellationToken)
    {
        var seen = 0;
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(pageSizeHint: PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            read.Pages++;
            read.Instances += page.Values.Count;
            seen += page.Values.Count;
            foreach (var instance in page.Values.Where(i => JobOrchestrators.JobNames.Contains(i.Name)))
            {
                add(JobStates.From(instance));
            }

            if (seen >= limit && page.ContinuationToken is not null)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class ReadCount
    {
        public int Instances { get; set; }

        public int Pages { get; set; }
    }
}
