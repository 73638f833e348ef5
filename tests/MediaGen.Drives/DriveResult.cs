namespace MediaGen.Drives;

/// <summary>What a drive found: its one summary line and every violation (none when it passed).</summary>
/// <param name="Summary">The summary line (<c>crash-drive …</c>, <c>fault-storm …</c>).</param>
/// <param name="Violations">One line per violated check.</param>
public sealed record DriveResult(string Summary, IReadOnlyList<string> Violations)
{
    /// <summary>Whether every check held.</summary>
    public bool Passed => Violations.Count == 0;
}
