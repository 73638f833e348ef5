namespace MediaGen.Api;

/// <summary>
/// What a caller may do with jobs (<see cref="ApiKeyOptions"/>): operators (<c>Api__AdminCallers</c>) see and act on every
/// caller's jobs, everyone else on their own (<see cref="JobAccess"/>); queue and inbox jobs belong to
/// <see cref="IntakeCaller"/> (<c>Api__IntakeCaller</c>).
/// </summary>
public sealed class CallerRoles
{
    private readonly HashSet<string> _operators;

    /// <summary>Reads the validated options.</summary>
    public CallerRoles(IOptions<ApiKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _operators = new HashSet<string>(Split(options.Value.AdminCallers), StringComparer.OrdinalIgnoreCase);
        IntakeCaller = options.Value.IntakeCaller;
    }

    /// <summary>The caller queue messages and inbox blobs start jobs as.</summary>
    public string IntakeCaller { get; }

    /// <summary>Whether <paramref name="caller"/> is an operator.</summary>
    public bool IsOperator(string caller) => _operators.Contains(caller);

    /// <summary>The access of <paramref name="caller"/>.</summary>
    public JobAccess AccessOf(string caller) => new(caller, IsOperator(caller));

    /// <summary>What is wrong with the roles in <paramref name="options"/>, naming the setting (never a key).</summary>
    internal static IEnumerable<string> Problems(ApiKeyOptions options)
    {
        var callers = new HashSet<string>(options.Keys.Keys, StringComparer.OrdinalIgnoreCase);
        if (options.Key.Length > 0)
        {
            callers.Add(ApiKeyOptions.DefaultCallerName);
        }

        foreach (var name in Split(options.AdminCallers))
        {
            if (!callers.Contains(name))
            {
                yield return $"Api__AdminCallers names '{name}', which is no caller with a key (Api__Key is 'default'; others are Api__Keys__<caller>).";
            }
        }

        var intake = options.IntakeCaller ?? "";
        if (!ApiKeyOptionsValidator.IsCallerName(intake))
        {
            yield return "Api__IntakeCaller: a caller name is 1–64 letters, digits, '-', '_' or '.'.";
        }
        else
        {
            callers.Add(intake);
        }

        // Job ids carry a hash of their owner's name (JobOwner): two callers must not share one.
        foreach (var clash in callers.Where(ApiKeyOptionsValidator.IsCallerName).GroupBy(JobOwner.PrefixOf, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Callers {string.Join(" and ", clash.Order(StringComparer.Ordinal))} have the same job id prefix: rename one.";
        }
    }

    private static IEnumerable<string> Split(string? names) =>
        (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
