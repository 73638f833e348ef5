using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Runtime;

internal sealed partial class PartitionProcessor
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage error on partition {Partition}")]
    private static partial void LogStorageError(ILogger logger, Exception exception, int partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable message {MessageId} (delivery {DequeueCount}); retrying")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettering message {MessageId} after {DequeueCount} deliveries; failing instance {InstanceId}")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, long dequeueCount, string? instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-armed a timer of instance {InstanceId} due at {DueAt:o}")]
    private static partial void LogRearmed(ILogger logger, string instanceId, DateTime dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} changed under us (attempt {Attempt}); reloading")]
    private static partial void LogConflict(ILogger logger, string instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Episode of instance {InstanceId} failed; its messages will be retried")]
    private static partial void LogEpisodeError(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Instance {InstanceId}: {Local} activities run locally, {Remote} messages sent")]
    private static partial void LogDispatched(ILogger logger, string instanceId, int local, int remote);
}
