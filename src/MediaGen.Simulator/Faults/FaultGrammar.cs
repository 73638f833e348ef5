using System.Text.RegularExpressions;

namespace MediaGen.Simulator.Faults;

/// <summary>
/// Parses fault directives. In a prompt they are written <c>[sim:TOKEN,TOKEN…]</c> (several blocks
/// allowed, case-insensitive); admin rules use the same tokens without brackets.
/// <c>TOKEN := NAME ["=" VALUE] ["*" TIMES]</c>. See docs/simulator.md for every name.
/// </summary>
public static partial class FaultGrammar
{
    private static readonly HashSet<string> Flags =
    [
        "malformed", "abort", "no-videos", "content-policy", "stream-error", "webhook-out-of-order", "no-webhook",
        "poll-malformed", "poll-abort",
    ];

    private static readonly HashSet<string> Durations =
    [
        "slow", "webhook-delay", "queued", "processing", "poll-slow",
    ];

    /// <summary>Every directive found in <paramref name="prompt"/>'s <c>[sim:…]</c> blocks.</summary>
    /// <exception cref="FormatException">A block holds an unknown or malformed directive.</exception>
    public static IReadOnlyList<FaultDirective> ParsePrompt(string? prompt)
    {
        if (string.IsNullOrEmpty(prompt) || !prompt.Contains("[sim:", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var result = new List<FaultDirective>();
        foreach (Match match in DirectiveBlock().Matches(prompt))
        {
            result.AddRange(ParseList(match.Groups["body"].Value));
        }

        return result;
    }

    /// <summary>Parses comma-separated tokens, e.g. <c>429=5*2,slow=100</c>.</summary>
    /// <exception cref="FormatException">An unknown or malformed directive.</exception>
    public static IReadOnlyList<FaultDirective> ParseList(string text)
    {
        var result = new List<FaultDirective>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result.Add(ParseToken(raw));
        }

        return result;
    }

    private static FaultDirective ParseToken(string raw)
    {
        var token = raw.ToLowerInvariant();
        int? times = null;
        var star = token.LastIndexOf('*');
        if (star >= 0)
        {
            if (!int.TryParse(token[(star + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < 1)
            {
                throw new FormatException($"Simulator directive '{raw}': the count after '*' must be a positive integer.");
            }

            times = t;
            token = token[..star];
        }

        var eq = token.IndexOf('=', StringComparison.Ordinal);
        var name = eq >= 0 ? token[..eq] : token;
        // Messages keep their original case: take the value from the raw token.
        var value = eq >= 0 ? raw[(eq + 1)..(star >= 0 ? star : raw.Length)] : null;
        Validate(raw, name, value);
        return new FaultDirective(name, value, times);
    }

    private static void Validate(string raw, string name, string? value)
    {
        var status = name.StartsWith("poll-", StringComparison.Ordinal) ? name[5..] : name;
        if (IsStatusCode(status))
        {
            if (value is not null && status != "429")
            {
                throw new FormatException($"Simulator directive '{raw}': only 429 takes a value (Retry-After seconds).");
            }

            RequireNumber(raw, value, optional: true);
            return;
        }

        if (Flags.Contains(name))
        {
            if (value is not null)
            {
                throw new FormatException($"Simulator directive '{raw}': '{name}' takes no value.");
            }

            return;
        }

        if (Durations.Contains(name) || name == "size")
        {
            RequireNumber(raw, value, optional: false);
            return;
        }

        switch (name)
        {
            case "failed" or "error":
                return; // optional message
            case "webhook-duplicate":
                RequireNumber(raw, value, optional: true);
                return;
            default:
                throw new FormatException($"Unknown simulator directive '{raw}'. See docs/simulator.md for the grammar.");
        }
    }

    /// <summary>True for a three-digit 4xx or 5xx status code.</summary>
    internal static bool IsStatusCode(string name) =>
        name.Length == 3 && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599;

    private static void RequireNumber(string raw, string? value, bool optional)
    {
        if (value is null)
        {
            if (!optional)
            {
                throw new FormatException($"Simulator directive '{raw}' needs a value, e.g. '{raw}=1000'.");
            }

            return;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"Simulator directive '{raw}': the value must be a non-negative integer.");
        }
    }

    [GeneratedRegex(@"\[sim:(?<body>[^\]]*)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DirectiveBlock();
}
