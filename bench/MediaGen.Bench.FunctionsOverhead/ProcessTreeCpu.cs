using System.Globalization;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>
/// CPU time (user + system) used so far by a process and all its descendants — the stand-in host and its worker process,
/// or the standalone host — read from Linux's <c>/proc</c> (<c>stat</c> fields 14 and 15, in clock ticks of 10 ms).
/// Descendants that already exited are not counted.
/// </summary>
internal static class ProcessTreeCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The CPU time of <paramref name="root"/> itself, and of its live descendants together.</summary>
    public static (TimeSpan Root, TimeSpan Descendants) Of(int root)
    {
        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        var tree = new HashSet<int> { root };
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (pid, stat) in stats)
            {
                grown |= tree.Contains(stat.Parent) && tree.Add(pid);
            }
        }

        var rootTicks = stats.TryGetValue(root, out var own) ? own.Ticks : 0;
        var descendantTicks = tree.Where(pid => pid != root).Sum(pid => stats[pid].Ticks);
        return (TimeSpan.FromSeconds(rootTicks / TicksPerSecond), TimeSpan.FromSeconds(descendantTicks / TicksPerSecond));
    }

    private static (int Parent, long Ticks)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid … utime stime …": the command may hold spaces and parentheses, so count from its last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
