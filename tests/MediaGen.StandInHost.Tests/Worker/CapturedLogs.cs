namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>A logger provider keeping every entry (category, level, message) the stand-in host logs, for tests to wait on.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];
    private readonly ChangeSignal _signal = new();

    /// <summary>The entries so far.</summary>
    public IReadOnlyList<LogEntry> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }

    /// <summary>Waits until an entry matches <paramref name="match"/> (hang guard: <see cref="MediaGen.Testing.Waits.HangGuard"/>).</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, string what) =>
        _signal.WaitForAsync(() => Snapshot().FirstOrDefault(match), $"a log entry {what}", () => $"{Snapshot().Count} entries logged");

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }

        _signal.Changed();
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add(new LogEntry(category, logLevel, formatter(state, exception)));
    }
}
