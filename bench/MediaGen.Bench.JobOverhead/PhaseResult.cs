namespace MediaGen.Bench.JobOverhead;

/// <summary>One measured phase: one kind (jobs or the bare shape) at one concurrency.</summary>
/// <param name="Kind"><c>jobs</c> or <c>bare</c>.</param>
/// <param name="Instances">Instances run.</param>
/// <param name="P50Ms">Median webhook (event) → Completed.</param>
/// <param name="P95Ms">95th percentile of the same.</param>
/// <param name="EngineOps">Engine storage requests per instance (net of idle polling while settling), or null when not counted.</param>
/// <param name="AppOps">App storage requests per instance, or null when not counted.</param>
internal sealed record PhaseResult(string Kind, int Instances, double P50Ms, double P95Ms, double? EngineOps, double? AppOps)
{
    /// <summary>All storage requests per instance.</summary>
    public double? Ops => EngineOps + AppOps;
}
