namespace MediaGen.StandInHost.Worker;

/// <summary>Writes the worker's <c>RpcLog</c> messages to the host's log under the worker's category and level.</summary>
internal static partial class WorkerLogs
{
    /// <summary>Writes <paramref name="log"/> (custom metrics are not logs and are skipped).</summary>
    public static void Write(ILoggerFactory loggerFactory, RpcLog log)
    {
        if (log.LogCategory == RpcLog.Types.RpcLogCategory.CustomMetric)
        {
            return;
        }

        var logger = loggerFactory.CreateLogger(string.IsNullOrEmpty(log.Category) ? "Worker" : log.Category);
        var level = Level(log.Level);
        if (!logger.IsEnabled(level))
        {
            return;
        }

        using var scope = string.IsNullOrEmpty(log.InvocationId)
            ? null
            : logger.BeginScope(new Dictionary<string, object> { ["InvocationId"] = log.InvocationId });
        if (log.Exception is { } exception)
        {
            LogWithException(logger, level, log.Message, exception.Type, exception.Message, exception.StackTrace);
        }
        else
        {
            LogMessage(logger, level, log.Message);
        }
    }

    private static LogLevel Level(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => LogLevel.Trace,
        RpcLog.Types.Level.Debug => LogLevel.Debug,
        RpcLog.Types.Level.Information => LogLevel.Information,
        RpcLog.Types.Level.Warning => LogLevel.Warning,
        RpcLog.Types.Level.Error => LogLevel.Error,
        RpcLog.Types.Level.Critical => LogLevel.Critical,
        _ => LogLevel.None,
    };

    [LoggerMessage(Message = "{WorkerMessage}")]
    private static partial void LogMessage(ILogger logger, LogLevel level, string workerMessage);

    [LoggerMessage(Message = "{WorkerMessage} [{ExceptionType}: {ExceptionMessage}] {StackTrace}")]
    private static partial void LogWithException(ILogger logger, LogLevel level, string workerMessage, string exceptionType, string exceptionMessage, string stackTrace);
}
