namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>One app's measured jobs.</summary>
/// <param name="Jobs">How many jobs ran (all Completed).</param>
/// <param name="Elapsed">From the first submit to the last job's Completed (its status's <c>updatedAt</c>).</param>
/// <param name="LatenciesMs">Per job, submit → its completion callback received (ms).</param>
/// <param name="CpuMsPerJob">CPU time of the app's processes per job (ms), when measured.</param>
internal sealed record PhaseResult(int Jobs, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, double? CpuMsPerJob = null)
{
    /// <summary>Jobs completed per second.</summary>
    public double PerSecond => Jobs / Elapsed.TotalSeconds;
}
