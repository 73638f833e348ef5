namespace MediaGen.Workflows.Overview;

/// <summary>How long completed jobs of one provider and kind took, accepted → finished (nearest-rank percentiles).</summary>
/// <param name="Provider">The provider that served them.</param>
/// <param name="Kind">What they generated.</param>
/// <param name="Jobs">Completed jobs counted.</param>
/// <param name="P50Seconds">The median duration.</param>
/// <param name="P95Seconds">The 95th percentile duration.</param>
public sealed record OverviewDuration(ProviderName Provider, JobKind Kind, int Jobs, double P50Seconds, double P95Seconds);
