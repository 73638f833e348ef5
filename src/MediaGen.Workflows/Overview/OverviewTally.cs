namespace MediaGen.Workflows.Overview;

/// <summary>Adds up the jobs of one overview window as they are read.</summary>
internal sealed class OverviewTally(OverviewWindow window)
{
    private const string UnknownCaller = "unknown";

    private readonly int[][] _counts = [.. Enumerable.Range(0, window.Count).Select(_ => new int[5])];
    private readonly Dictionary<(ProviderName Provider, JobKind Kind), List<double>> _durations = [];
    private readonly Dictionary<(string Type, ProviderName Provider), int> _failures = [];
    private readonly Dictionary<(int Index, string Caller, string Unit), (decimal Amount, int Jobs)> _spend = [];

    /// <summary>Counts <paramref name="job"/> when it was created in the window.</summary>
    public void Add(JobState job)
    {
        var index = window.IndexOf(job.CreatedAt);
        if (index < 0)
        {
            return;
        }

        _counts[index][(int)job.Status]++;
        switch (job.Status)
        {
            case JobStatus.Completed:
                var key = (job.Provider, job.Kind);
                if (!_durations.TryGetValue(key, out var list))
                {
                    _durations[key] = list = [];
                }

                list.Add(Math.Max(0, (job.UpdatedAt - job.CreatedAt).TotalSeconds));
                break;
            case JobStatus.Failed:
                var failure = (job.Error?.Type ?? JobErrorCodes.InternalError, job.Provider);
                _failures[failure] = _failures.GetValueOrDefault(failure) + 1;
                break;
        }

        if (job.Cost is { Actual: { } actual } cost)
        {
            var spent = (index, job.Caller ?? UnknownCaller, cost.Unit);
            var (amount, jobs) = _spend.GetValueOrDefault(spent);
            _spend[spent] = (amount + actual, jobs + 1);
        }
    }

    /// <summary>Every interval of the window, in order.</summary>
    public IReadOnlyList<OverviewInterval> Intervals() =>
        [.. _counts.Select((c, i) => new OverviewInterval(
            window.StartOf(i), c[(int)JobStatus.Pending], c[(int)JobStatus.Running], c[(int)JobStatus.Completed], c[(int)JobStatus.Failed], c[(int)JobStatus.Canceled]))];

    /// <summary>Per provider and kind, in the registry's order.</summary>
    public IReadOnlyList<OverviewDuration> Durations() =>
        [.. _durations.OrderBy(d => d.Key.Provider).ThenBy(d => d.Key.Kind)
            .Select(d => new OverviewDuration(d.Key.Provider, d.Key.Kind, d.Value.Count, Percentile(d.Value, 50), Percentile(d.Value, 95)))];

    /// <summary>Most first.</summary>
    public IReadOnlyList<OverviewFailure> Failures() =>
        [.. _failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Type, StringComparer.Ordinal).ThenBy(f => f.Key.Provider)
            .Select(f => new OverviewFailure(f.Key.Type, f.Key.Provider, f.Value))];

    /// <summary>By interval, caller and unit.</summary>
    public IReadOnlyList<OverviewSpend> Spend() =>
        [.. _spend.OrderBy(s => s.Key.Index).ThenBy(s => s.Key.Caller, StringComparer.Ordinal).ThenBy(s => s.Key.Unit, StringComparer.Ordinal)
            .Select(s => new OverviewSpend(window.StartOf(s.Key.Index), s.Key.Caller, s.Key.Unit, s.Value.Amount, s.Value.Jobs))];

    /// <summary>The nearest-rank percentile, rounded to milliseconds.</summary>
    private static double Percentile(List<double> values, int percentile)
    {
        values.Sort();
        var rank = (int)Math.Ceiling(percentile / 100.0 * values.Count) - 1;
        return Math.Round(values[Math.Clamp(rank, 0, values.Count - 1)], 3);
    }
}
