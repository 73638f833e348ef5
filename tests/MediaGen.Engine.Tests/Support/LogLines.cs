using System.Collections.Concurrent;

namespace MediaGen.Engine.Tests.Support;

/// <summary>Keeps every log line a host writes (category, event name, message, exception) for assertions.</summary>
public sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Whether a line so far contains every one of <paramref name="parts"/>.</summary>
    public bool Any(params string[] parts) => _lines.Any(line => parts.All(part => line.Contains(part, StringComparison.Ordinal)));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} [{eventId.Name}] {formatter(state, exception)} {exception}");
    }
}
