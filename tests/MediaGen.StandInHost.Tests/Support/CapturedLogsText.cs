namespace MediaGen.StandInHost.Tests.Support;

/// <summary>Reading captured logs in assertions.</summary>
internal static class CapturedLogsText
{
    /// <summary>Whether an entry's message contains <paramref name="text"/>.</summary>
    public static bool Has(this CapturedLogs logs, string text) => logs.Snapshot().Any(e => e.Message.Contains(text, StringComparison.Ordinal));

    /// <summary>Every entry, one a line, for failure messages.</summary>
    public static string Text(this CapturedLogs logs) => string.Join(Environment.NewLine, logs.Snapshot().Select(e => $"[{e.Category}] {e.Message}"));
}
