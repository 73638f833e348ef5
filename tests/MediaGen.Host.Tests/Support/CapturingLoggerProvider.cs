using Microsoft.Extensions.Logging;

namespace MediaGen.Host.Tests.Support;

/// <summary>Keeps every formatted log line (with its exception, its state's values and its scopes) of a host.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Adds the provider to a host, filtered as the host's configuration filters every provider.</summary>
    public Action<IServiceCollection> Install() => services => services.AddSingleton<ILoggerProvider>(this);

    /// <summary>
    /// Adds the provider with its own rule at Trace for every category, as an operator's provider-specific level
    /// (<c>Logging:Console:LogLevel:Default</c>) would: it sees everything any provider could be configured to see.
    /// </summary>
    public Action<IServiceCollection> InstallAtTrace() => services =>
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(options => options.Rules.Add(new LoggerFilterRule(typeof(CapturingLoggerProvider).FullName, null, LogLevel.Trace, null)));
    };

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state} {Values(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {Values(state)} {exception}");

        private static string Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
    }
}
