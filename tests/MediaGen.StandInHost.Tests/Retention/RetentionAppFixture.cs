namespace MediaGen.StandInHost.Tests.Retention;

/// <summary>
/// The app under the stand-in host with a retention period of 0.0001 days (8.64 s) and its purge timer firing every
/// 2 seconds: a finished job expires within seconds. An app of its own, as it would expire the shared app's jobs.
/// </summary>
public sealed class RetentionAppFixture : StandInAppFixture
{
    /// <inheritdoc />
    protected override void Configure(IDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["Retention__Days"] = "0.0001";
        values["RetentionPurgeSchedule"] = "*/2 * * * * *";
    }
}
