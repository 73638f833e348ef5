using MediaGen.Workflows.Retention;

namespace MediaGen.Host.Retention;

/// <summary>
/// When the standalone host runs its retention passes (<see cref="RetentionPurgeService"/>): the <c>Retention</c> section, as
/// <see cref="RetentionOptions"/> (which says how long jobs are kept); validated at start-up. The Functions app runs its
/// passes on the timer schedule <c>RetentionPurgeSchedule</c> instead.
/// </summary>
public sealed class RetentionScheduleOptions
{
    /// <summary>The configuration section: <c>Retention</c> (<c>Retention__PurgeInterval</c>).</summary>
    public const string SectionName = RetentionOptions.SectionName;

    /// <summary>Time between passes, the first one interval after start (at least 1 second). Default 1 hour.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
