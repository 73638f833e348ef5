namespace MediaGen.Drives;

/// <summary>Knobs of <see cref="StorageOutageDrive"/>.</summary>
public sealed record StorageOutageOptions
{
    /// <summary>Items in the batch. Default 200.</summary>
    public int Items { get; init; } = 200;

    /// <summary>How long Azurite stays stopped. Default 30 s.</summary>
    public TimeSpan Outage { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of the batch finished when Azurite is stopped. Default 0.3.</summary>
    public double OutageAt { get; init; } = 0.3;

    /// <summary>Seed of the run (printed, so a run can be repeated).</summary>
    public int Seed { get; init; } = 20261207;

    /// <summary>How long the batch may take to finish after Azurite is back before what is left counts as stuck. Default 10 minutes.</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after Azurite is back the host must answer ready and finish items again. Default 3 minutes.</summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Host settings (<c>Section__Key</c>) for this run; the drive's environment overrides them.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();
}
