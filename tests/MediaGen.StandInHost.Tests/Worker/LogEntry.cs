namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message);
