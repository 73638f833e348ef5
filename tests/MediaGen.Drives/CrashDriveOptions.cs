namespace MediaGen.Drives;

/// <summary>Knobs of <see cref="CrashDrive"/>.</summary>
public sealed record CrashDriveOptions
{
    /// <summary>Items in the batch. Default 500.</summary>
    public int Items { get; init; } = 500;

    /// <summary>SIGKILLs, each followed by a restart. Default 5.</summary>
    public int Kills { get; init; } = 5;

    /// <summary>Seed of the kill points and pauses (printed, so a run can be repeated).</summary>
    public int Seed { get; init; } = 20261201;

    /// <summary>How long the batch may take to finish after the last restart before what is left counts as stuck. Default 10 minutes.</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Host settings (<c>Section__Key</c>) for this run; the drive's environment overrides them.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();
}
