using System.Text.RegularExpressions;

namespace MediaGen.Api;

/// <summary>
/// Start-up check of <see cref="ApiKeyOptions"/>, naming the setting at fault (never its value). A key that is an unresolved
/// Key Vault reference passes (it is not a key: <see cref="ApiKeyRing"/> leaves it out and readiness names it).
/// </summary>
public sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    /// <summary>The shortest key accepted.</summary>
    public const int MinKeyLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        // An unresolved Key Vault reference is neither a key nor a failure: the ring leaves it out and readiness names it.
        var key = SecretValue.StateOf(options.Key);
        if (key == SecretState.Missing && options.Keys.Count == 0)
        {
            failures.Add("Api__Key (the API key callers must send) is not set, and Api__Keys names no caller.");
        }

        if (key == SecretState.Set && options.Key.Length < MinKeyLength)
        {
            failures.Add($"Api__Key must be at least {MinKeyLength} characters.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (key == SecretState.Set)
        {
            seen.Add(options.Key);
        }

        foreach (var (caller, value) in options.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (!CallerName().IsMatch(caller))
            {
                failures.Add($"Api__Keys__{caller}: a caller name is 1–64 letters, digits, '-', '_' or '.'.");
            }
            else if (caller.Equals(ApiKeyOptions.DefaultCallerName, StringComparison.OrdinalIgnoreCase) && key != SecretState.Missing)
            {
                failures.Add($"Api__Keys__{caller}: the name '{ApiKeyOptions.DefaultCallerName}' belongs to Api__Key.");
            }

            if (SecretValue.StateOf(value) == SecretState.Unresolved)
            {
                continue;
            }

            if ((value ?? "").Length < MinKeyLength)
            {
                failures.Add($"Api__Keys__{caller} must be at least {MinKeyLength} characters.");
            }
            else if (!seen.Add(value!))
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
