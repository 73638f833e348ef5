namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Accumulates a job's <see cref="JobMetrics"/> in orchestration time (<see cref="Microsoft.DurableTask.TaskOrchestrationContext.CurrentUtcDateTime"/>)
/// and from what activities report of their own work (copy time inside a generate call or a Pixazo poll), so replays
/// compute the same numbers. A provider phase runs from a step's first call to the provider's final answer; the copy time
/// an activity spent inside that phase is moved from provider to copy time.
/// </summary>
internal sealed class JobClock(DateTime acceptedAt, DateTime? providerPhaseStart = null)
{
    private DateTime? _phaseStart = providerPhaseStart;
    private TimeSpan _provider;
    private TimeSpan _copy;

    /// <summary>When the job was accepted.</summary>
    public DateTime AcceptedAt { get; } = acceptedAt;

    /// <summary>When the first provider call began; null before.</summary>
    public DateTime? FirstProviderCallAt { get; private set; } = providerPhaseStart;

    /// <summary>The provider's own processing time, when it reports one (Pixazo).</summary>
    public double? ProviderProcessingSeconds { get; set; }

    /// <summary>A provider step begins at <paramref name="now"/>; true when this is the job's first provider call.</summary>
    public bool BeginProvider(DateTime now)
    {
        var first = FirstProviderCallAt is null;
        FirstProviderCallAt ??= now;
        _phaseStart ??= now;
        return first;
    }

    /// <summary>The provider step answered for good at <paramref name="now"/>; <paramref name="copiedInside"/> of it was the calling activity copying media.</summary>
    public void EndProvider(DateTime now, TimeSpan copiedInside)
    {
        if (_phaseStart is not { } start)
        {
            return;
        }

        var phase = Positive(now - start);
        var copying = copiedInside > phase ? phase : Positive(copiedInside);
        _provider += phase - copying;
        _copy += copying;
        _phaseStart = null;
    }

    /// <summary>Adds time spent storing media outside a provider step.</summary>
    public void AddCopy(TimeSpan elapsed) => _copy += Positive(elapsed);

    /// <summary>The metrics of a job whose work ended at <paramref name="now"/> (a provider step still open counts up to then).</summary>
    public JobMetrics Finish(DateTime now)
    {
        var provider = _provider + (_phaseStart is { } start ? Positive(now - start) : TimeSpan.Zero);
        var first = FirstProviderCallAt ?? now;
        // The acceptance time comes from the process that took the request: never let a clock difference make time negative.
        var accepted = AcceptedAt < first ? AcceptedAt : first;
        return Of((first - accepted).TotalSeconds, provider.TotalSeconds, _copy.TotalSeconds, Positive(now - accepted).TotalSeconds, ProviderProcessingSeconds);
    }

    /// <summary>
    /// Metrics rounded to milliseconds, the total never below the sum of its parts (rounding could otherwise put it 1–2 ms
    /// under).
    /// </summary>
    public static JobMetrics Of(double queued, double provider, double copy, double total, double? processing)
    {
        var (q, p, c) = (Round(queued), Round(provider), Round(copy));
        return new JobMetrics(q, p, c, Math.Max(Round(total), Round(q + p + c)), processing is { } s ? Round(s) : null);
    }

    private static double Round(double seconds) => Math.Round(Math.Max(0, seconds), 3, MidpointRounding.AwayFromZero);

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
