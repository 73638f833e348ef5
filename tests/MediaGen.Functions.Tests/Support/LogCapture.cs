using Microsoft.Extensions.Logging;

namespace MediaGen.Functions.Tests.Support;

/// <summary>Every log entry of an app at every level (its own filter rule at Trace), with category and event.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    /// <summary>The entries so far.</summary>
    public Recorded<LogEntry> Entries { get; } = [];

    /// <summary>Adds the capture to <paramref name="services"/>.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, null, LogLevel.Trace, null)));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose()
    {
    }

    /// <summary>One log entry.</summary>
    internal sealed record LogEntry(string Category, LogLevel Level, EventId Event, string Message, Exception? Exception);

    private sealed class Logger(string category, Recorded<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
