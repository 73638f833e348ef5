using MediaGen.Workflows.Retention;

namespace MediaGen.Host.Retention;

/// <summary>
/// Runs a retention pass (<see cref="RetentionPurger.PurgeOnceAsync"/>) every <see cref="RetentionScheduleOptions.PurgeInterval"/>
/// while the host runs; nothing when retention is off (<c>Retention:Days</c> = 0). Passes in several hosts on one task hub
/// may overlap: each step of a pass is idempotent.
/// </summary>
public sealed partial class RetentionPurgeService(
    RetentionPurger purger, IOptions<RetentionOptions> options, IOptions<RetentionScheduleOptions> schedule, TimeProvider time, ILogger<RetentionPurgeService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Period is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(schedule.Value.PurgeInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await purger.PurgeOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A pass that fails (storage unreachable, throttled) must not stop the host: the next pass redoes what is left.
                LogPassFailed(logger, ex, schedule.Value.PurgeInterval);
            }
        }
    }

    [LoggerMessage(EventId = 7402, Level = LogLevel.Error, Message = "Retention pass failed; the next one runs in {Interval}")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, TimeSpan interval);
}
