namespace MediaGen.Engine.TestWorker;

/// <summary>
/// Activity executions recorded as empty files in a folder shared by every worker process of a test (a file is on disk
/// before the activity goes on, so even an execution whose process is killed right after is counted).
/// </summary>
public sealed class ExecutionLog(string folder)
{
    private const char Separator = '~';

    /// <summary>Records one execution of the step <paramref name="key"/> by this process.</summary>
    public void Record(string key)
    {
        if (key.Contains(Separator, StringComparison.Ordinal) || key.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{key}' cannot be used in a file name.", nameof(key));
        }

        using var file = File.Create(Path.Combine(folder, $"{key}{Separator}{Environment.ProcessId}{Separator}{Guid.NewGuid():N}"));
    }

    /// <summary>Every execution recorded in <paramref name="folder"/> so far.</summary>
    public static IReadOnlyList<Execution> Read(string folder) =>
        [.. Directory.EnumerateFiles(folder)
            .Select(path => Path.GetFileName(path).Split(Separator))
            .Select(parts => new Execution(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))];
}
