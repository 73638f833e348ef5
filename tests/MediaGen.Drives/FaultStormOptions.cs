namespace MediaGen.Drives;

/// <summary>Knobs of <see cref="FaultStorm"/>.</summary>
public sealed record FaultStormOptions
{
    /// <summary>Jobs in the storm. Default 500.</summary>
    public int Jobs { get; init; } = 500;

    /// <summary>Share of jobs with a fault. Default 0.2.</summary>
    public double FaultRatio { get; init; } = 0.2;

    /// <summary>Seed of which jobs get which fault (printed, so a run can be repeated).</summary>
    public int Seed { get; init; } = 20261201;

    /// <summary>Jobs in flight at once. Default 40.</summary>
    public int Concurrency { get; init; } = 40;

    /// <summary>How long one job may take before it counts as stuck. Default 5 minutes.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Host settings (<c>Section__Key</c>) on top of <see cref="StormCatalog.HostSettings"/>; the drive's environment overrides both.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();
}
