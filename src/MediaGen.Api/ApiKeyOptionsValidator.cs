using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MediaGen.Api;

/// <summary>Start-up check of <see cref="ApiKeyOptions"/>, naming the setting at fault (never its value).</summary>
public sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    /// <summary>The shortest key accepted.</summary>
    public const int MinKeyLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Key.Length == 0 && options.Keys.Count == 0)
        {
            failures.Add("Api__Key (the API key callers must send) is not set, and Api__Keys names no caller.");
        }

        if (options.Key.Length > 0 && options.Key.Length < MinKeyLength)
        {
            failures.Add($"Api__Key must be at least {MinKeyLength} characters.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (options.Key.Length > 0)
        {
            seen.Add(options.Key);
        }

        foreach (var (caller, key) in options.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (!CallerName().IsMatch(caller))
            {
                failures.Add($"Api__Keys__{caller}: a caller name is 1–64 letters, digits, '-', '_' or '.'.");
            }
            else if (caller.Equals(ApiKeyOptions.DefaultCallerName, StringComparison.OrdinalIgnoreCase) && options.Key.Length > 0)
            {
                failures.Add($"Api__Keys__{caller}: the name '{ApiKeyOptions.DefaultCallerName}' belongs to Api__Key.");
            }

            if ((key ?? "").Length < MinKeyLength)
            {
                failures.Add($"Api__Keys__{caller} must be at least {MinKeyLength} characters.");
            }
            else if (!seen.Add(key!))
            {
                failures.Add($"Api__Keys__{caller} repeats another caller's key: each caller needs its own.");
            }
        }

        failures.AddRange(CallerRoles.Problems(options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether <paramref name="name"/> is a valid caller name: 1–64 letters, digits, '-', '_' or '.'.</summary>
    public static bool IsCallerName(string name) => CallerName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex CallerName();
}
