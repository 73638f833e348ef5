namespace MediaGen.Engine;

/// <summary>
/// Recognises, from the Azure Storage backend's own log events, the one failure of
/// <c>AzureStorageOrchestrationService.LockNextTaskOrchestrationWorkItemAsync</c> that leaves an instance's session locked
/// (DTFx bug, docs/durable.md): the backend reports messages of the batch out of order (<c>ReceivedOutOfOrderMessage</c>),
/// fails to return one of them to its queue (<c>MessageFailure</c> for that message: a stale pop receipt once the message
/// outlived its visibility timeout in the buffer and was dequeued again, or storage gone), and names the instance in
/// <c>OrchestrationProcessingFailure</c>. On that path no work item was built yet, and the backend releases the session
/// only when one was, so every later message of the instance joins a session nobody runs. The backend's logger is
/// tapped (<see cref="Tap"/>), and each lock call (<see cref="Begin"/>) collects the events its own call flow raised.
/// </summary>
internal static class SessionLeakDetector
{
    private const string OutOfOrderEvent = "ReceivedOutOfOrderMessage";
    private const string MessageFailureEvent = "MessageFailure";
    private const string ProcessingFailureEvent = "OrchestrationProcessingFailure";

    private static readonly AsyncLocal<LockAttempt?> CurrentAttempt = new();

    /// <summary><paramref name="loggerFactory"/> with every logger it creates also reporting to the current lock attempt.</summary>
    public static ILoggerFactory Tap(ILoggerFactory loggerFactory) => new TappedLoggerFactory(loggerFactory);

    /// <summary>
    /// Starts collecting the backend's events raised in the caller's flow (the caller must be an async method, so the
    /// attempt does not outlive it); dispose it when the lock call returns.
    /// </summary>
    public static LockAttempt Begin()
    {
        var attempt = new LockAttempt();
        CurrentAttempt.Value = attempt;
        return attempt;
    }

    /// <summary>What the backend reported during one lock call.</summary>
    internal sealed class LockAttempt : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _outOfOrderMessages = new(StringComparer.Ordinal);
        private bool _returnFailed;
        private string? _failedInstanceId;
        private bool _closed;

        /// <summary>
        /// The instance whose session the call left locked: the backend failed to return a message it had reported out of
        /// order, then failed the call naming that instance. Null when the call failed any other way (the backend releases
        /// the session itself then) or did not fail.
        /// </summary>
        public string? LeakedInstanceId
        {
            get
            {
                lock (_gate)
                {
                    return _returnFailed && _failedInstanceId is { Length: > 0 } id ? id : null;
                }
            }
        }

        public void Observe(string? eventName, IReadOnlyDictionary<string, object> fields)
        {
            if (eventName is not (OutOfOrderEvent or MessageFailureEvent or ProcessingFailureEvent))
            {
                return;
            }

            lock (_gate)
            {
                // Flows the backend started during the call may log after it; they are not this call's.
                if (_closed)
                {
                    return;
                }

                switch (eventName)
                {
                    case OutOfOrderEvent when Field(fields, "MessageId") is { } messageId:
                        _outOfOrderMessages.Add(messageId);
                        break;
                    case MessageFailureEvent when Field(fields, "MessageId") is { } messageId && _outOfOrderMessages.Contains(messageId):
                        _returnFailed = true;
                        break;
                    case ProcessingFailureEvent:
                        _failedInstanceId = Field(fields, "InstanceId");
                        break;
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _closed = true;
            }
        }

        private static string? Field(IReadOnlyDictionary<string, object> fields, string name) =>
            fields.TryGetValue(name, out var value) ? value as string : null;
    }

    private sealed class TappedLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new TappedLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        // The app's logger factory belongs to the app's container, which disposes it.
        public void Dispose()
        {
        }
    }

    private sealed class TappedLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The backend's structured events are dictionaries of their fields (DurableTask.Core's StructuredLogEvent).
            if (CurrentAttempt.Value is { } attempt && state is IReadOnlyDictionary<string, object> fields)
            {
                attempt.Observe(eventId.Name, fields);
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
