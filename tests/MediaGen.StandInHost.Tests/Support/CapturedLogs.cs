using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>Every log line a host wrote (category and message), for assertions and failure messages.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines so far, as <c>[category] message</c>.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Whether a line contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>All lines, one per line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, _lines);

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

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"[{category}] {formatter(state, exception)}{Describe(exception)}");

        private static string Describe(Exception? exception)
        {
            var messages = new List<string>();
            for (var e = exception; e is not null; e = e.InnerException)
            {
                messages.Add($"{e.GetType().Name}: {e.Message}");
            }

            return messages.Count == 0 ? "" : " <- " + string.Join(" <- ", messages);
        }
    }
}
