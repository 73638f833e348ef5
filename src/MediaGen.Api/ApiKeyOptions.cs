namespace MediaGen.Api;

/// <summary>
/// The API keys of the standalone host and the Functions app (whose HTTP functions are anonymous to the Functions host,
/// so the app checks these itself), by caller: the key names the caller whose budgets a request counts against. Validated
/// at start-up by <see cref="ApiKeyOptionsValidator"/>: at least one key, each at least 16 characters, no key given twice.
/// </summary>
public sealed class ApiKeyOptions
{
    /// <summary>Configuration section: <c>Api</c>.</summary>
    public const string SectionName = "Api";

    /// <summary>The caller name <see cref="Key"/> goes by (rate limiting counts per caller).</summary>
    public const string DefaultCallerName = "default";

    /// <summary>
    /// A key callers send as header <c>x-functions-key</c> or query <c>code</c>, as with Azure Functions keys; its caller
    /// is named <c>default</c>. Optional when <see cref="Keys"/> names at least one. Webhook routes use their per-job secret instead.
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>
    /// More keys, by caller name (<c>Api__Keys__partner-a=…</c>): each caller has its own key, its own budgets and (on the standalone host) its own rate limit.
    /// Names are 1–64 letters, digits, <c>-</c>, <c>_</c> or <c>.</c> and may appear in logs; keys never do. Default: none.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The operators: comma-separated caller names (<c>Api__AdminCallers=ops,default</c>), each one with a key. An operator
    /// sees, lists, cancels, re-runs and purges every caller's jobs; every other caller only its own. Default: none.
    /// </summary>
    public string AdminCallers { get; set; } = "";

    /// <summary>
    /// The caller that jobs from the requests queue and the blob inbox belong to and are charged to (a caller name; it
    /// needs no key, but only it, when it has one, and operators see those jobs). Default <c>default</c>.
    /// </summary>
    public string IntakeCaller { get; set; } = DefaultCallerName;
}
