using MediaGen.Workflows.Retention;

namespace MediaGen.Functions.Triggers;

/// <summary>
/// The retention purge on a timer: the NCRONTAB schedule of the flat app setting <c>RetentionPurgeSchedule</c> (flat, as the
/// platform reads binding expressions; the sample and <c>infra/main.bicep</c> set it hourly, <c>0 17 * * * *</c>): one <see cref="RetentionPurger.PurgeOnceAsync"/> pass over the bound <c>[DurableClient]</c>, as the standalone
/// host's background service runs it. A pass that fails is retried by the next tick (the timer does not retry it).
/// </summary>
public sealed partial class RetentionPurgeFunction(JobServiceFactory jobs, ILogger<RetentionPurgeFunction> logger)
{
    /// <summary>The binding expression of the schedule: the flat setting <c>RetentionPurgeSchedule</c>.</summary>
    public const string ScheduleExpression = "%RetentionPurgeSchedule%";

    /// <summary>Runs one retention pass.</summary>
    [Function("RetentionPurge")]
    public async Task Run(
        [TimerTrigger(ScheduleExpression)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await jobs.Create<RetentionPurger>(client).PurgeOnceAsync(cancellationToken);
        LogPass(logger, result.Expired, result.Instances, result.BlobsDeleted, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention timer: {Expired} expired, {Instances} instances purged, {BlobCount} media blobs deleted (past due: {PastDue})")]
    private static partial void LogPass(ILogger logger, int expired, int instances, int blobCount, bool pastDue);
}
