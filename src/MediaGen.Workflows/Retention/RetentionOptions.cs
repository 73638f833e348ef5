namespace MediaGen.Workflows.Retention;

/// <summary>
/// How long finished jobs and their media are kept. Bound from the <c>Retention</c> section (<c>Retention__Days</c> as an
/// app setting) and validated at start-up. A job, chain or batch that ended at <c>T</c> expires at <c>T + Days</c>
/// (<c>expiresAt</c> in its state); a purge pass after that deletes its engine history and its stored media and keeps a
/// small record, so reading it answers 410 Gone rather than 404. When passes run: the standalone host's
/// <c>Retention__PurgeInterval</c>, the Functions app's timer schedule <c>RetentionPurgeSchedule</c>.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section: <c>Retention</c>.</summary>
    public const string SectionName = "Retention";

    /// <summary>
    /// Days a finished job's record and media are kept (fractions allowed, e.g. <c>0.5</c>). Default 30. <c>0</c> keeps them
    /// forever (no <c>expiresAt</c>, nothing purged); a negative value stops the host at start-up.
    /// </summary>
    public double Days { get; set; } = 30;

    /// <summary>Finished instances one purge query reads (1–1000). Default 100.</summary>
    public int PurgePageSize { get; set; } = 100;

    /// <summary>How long finished jobs are kept; null when they are kept forever (<see cref="Days"/> is 0).</summary>
    public TimeSpan? Period => Days > 0 ? TimeSpan.FromDays(Days) : null;

    /// <summary>When something that ended at <paramref name="finishedAt"/> expires; null when nothing expires.</summary>
    public DateTimeOffset? ExpiresAt(DateTimeOffset finishedAt) => Period is { } period ? finishedAt + period : null;
}
