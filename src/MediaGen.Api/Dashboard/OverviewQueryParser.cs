using MediaGen.Api.Jobs;
using MediaGen.Workflows.Overview;

namespace MediaGen.Api.Dashboard;

/// <summary>
/// Reads the query of <c>GET /api/overview</c>: <c>window</c> (<c>hour</c>, <c>day</c> or <c>week</c>, ending now; the
/// default is <c>day</c>) or a custom range <c>from</c> (required) and <c>to</c> (default now), ISO-8601 with a zone,
/// <c>from</c> before <c>to</c>, at most <see cref="OverviewWindow.MaxLength"/> apart. Unknown or repeated parameters are refused.
/// </summary>
public static class OverviewQueryParser
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "window", "from", "to", ApiKeyCheck.QueryName };

    /// <summary>The window, or every problem at once.</summary>
    /// <exception cref="RequestValidationException">A parameter is unknown or invalid.</exception>
    public static OverviewWindow Parse(IQueryCollection query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ValidationError>();
        foreach (var key in query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.Add(new ValidationError(key, "unknown_field", "is not a query parameter (allowed: window, from, to)"));
        }

        foreach (var key in query.Keys.Where(k => Known.Contains(k) && query[k].Count > 1))
        {
            errors.Add(new ValidationError(key, "duplicate", "is given more than once"));
        }

        var name = query["window"].FirstOrDefault();
        var from = JobListQueryParser.Time(query, "from", errors);
        var to = JobListQueryParser.Time(query, "to", errors);
        if (name is not null && (query.ContainsKey("from") || query.ContainsKey("to")))
        {
            errors.Add(new ValidationError("window", "exclusive", "cannot be combined with from/to: give a named window or a custom range"));
        }
        else if (name is not null && !OverviewWindow.Names.Contains(name, StringComparer.Ordinal))
        {
            errors.Add(new ValidationError("window", "one_of", $"must be one of {string.Join(", ", OverviewWindow.Names)} (was '{name}')"));
        }
        else if (name is null && query.ContainsKey("to") && !query.ContainsKey("from"))
        {
            errors.Add(new ValidationError("from", "required", "is required with to: the custom window's start"));
        }

        var end = to ?? now;
        if (from is not null && from >= end)
        {
            errors.Add(new ValidationError(to is null ? "from" : "to", "range", to is null ? "must be in the past" : "must be after from"));
        }
        else if (from is not null && end - from > OverviewWindow.MaxLength)
        {
            errors.Add(new ValidationError("from", "range", $"must be at most {OverviewWindow.MaxLength.TotalDays:0} days before to"));
        }

        RequestValidationException.ThrowIfAny(errors);
        return from is { } start ? OverviewWindow.Custom(start, end) : OverviewWindow.Named(name ?? "day", now)!;
    }
}
