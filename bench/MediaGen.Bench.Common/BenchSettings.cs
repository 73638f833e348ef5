using System.Globalization;

namespace MediaGen.Bench.Common;

/// <summary>Benchmark knobs from environment variables, and the figures' statistics.</summary>
public static class BenchSettings
{
    /// <summary>A positive integer from environment variable <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>The <paramref name="percentile"/>th percentile (nearest rank) of <paramref name="values"/>.</summary>
    public static double Percentile(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two when their count is even).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Invariant formatting with <paramref name="format"/>.</summary>
    public static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// The engine settings the run uses (the <c>DurableTask</c> section), for the log: every <c>DurableTask__*</c>
    /// environment variable, or "defaults".
    /// </summary>
    public static string EngineOverrides()
    {
        var set = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DurableTask__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k["DurableTask__".Length..]}={Environment.GetEnvironmentVariable(k)}")
            .ToList();
        return set.Count == 0 ? "defaults" : string.Join(' ', set);
    }
}
