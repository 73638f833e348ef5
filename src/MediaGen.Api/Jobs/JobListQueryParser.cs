using System.Globalization;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Validation;
using MediaGen.Workflows;

namespace MediaGen.Api.Jobs;

/// <summary>
/// Reads the query of <c>GET /api/jobs</c>: <c>status</c> (repeatable or comma-separated: Pending, Running, Completed,
/// Failed, Canceled), <c>createdFrom</c>/<c>createdTo</c> (ISO-8601 with a zone), <c>pageSize</c> (1–1000, default 50),
/// <c>continuationToken</c> (only as a previous page returned it, <see cref="JobPageToken"/>). Unknown parameters are
/// refused, like unknown body fields, and so is any parameter but <c>status</c> given twice.
/// </summary>
public static class JobListQueryParser
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "status", "createdFrom", "createdTo", "pageSize", "continuationToken", "code",
    };

    /// <summary>The query, or every problem at once.</summary>
    /// <exception cref="RequestValidationException">A parameter is unknown or invalid.</exception>
    public static JobQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ValidationError>();
        foreach (var key in query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.Add(new ValidationError(key, "unknown_field", "is not a query parameter (allowed: status, createdFrom, createdTo, pageSize, continuationToken)"));
        }

        foreach (var key in query.Keys.Where(k => Known.Contains(k) && !k.Equals("status", StringComparison.OrdinalIgnoreCase) && query[k].Count > 1))
        {
            errors.Add(new ValidationError(key, "duplicate", "is given more than once (only status may be repeated)"));
        }

        var statuses = new HashSet<JobStatus>();
        var statusTexts = query["status"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (query["status"].Count > 0 && statusTexts.Count == 0)
        {
            errors.Add(new ValidationError("status", "one_of", $"must name at least one of {string.Join(", ", Enum.GetNames<JobStatus>())} (was empty)"));
        }

        foreach (var text in statusTexts)
        {
            if (!int.TryParse(text, out _) && Enum.TryParse<JobStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status))
            {
                statuses.Add(status);
            }
            else
            {
                errors.Add(new ValidationError("status", "one_of", $"must be one of {string.Join(", ", Enum.GetNames<JobStatus>())} (was '{text}')"));
            }
        }

        var from = Time(query, "createdFrom", errors);
        var to = Time(query, "createdTo", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors.Add(new ValidationError("createdTo", "range", "must be after createdFrom"));
        }

        var pageSize = 50;
        if (query["pageSize"] is { Count: > 0 } size && (!int.TryParse(size[0], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            errors.Add(new ValidationError("pageSize", "range", $"must be an integer between 1 and 1000 (was '{size[0]}')"));
        }

        var token = query["continuationToken"].FirstOrDefault();
        if (token is { Length: 0 or > 4096 })
        {
            errors.Add(new ValidationError("continuationToken", "length", "must be 1–4096 characters, as the previous page returned it"));
        }
        else if (token is not null && !JobPageToken.TryDecode(token, out _))
        {
            errors.Add(new ValidationError("continuationToken", "format", "is not a token a previous page returned"));
        }

        RequestValidationException.ThrowIfAny(errors);
        return new JobQuery(statuses.Count > 0 ? statuses : null, from, to, pageSize, token);
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, List<ValidationError> errors)
    {
        if (query[name] is not { Count: > 0 } values)
        {
            return null;
        }

        var text = values[0] ?? "";
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
        {
            return value;
        }

        errors.Add(new ValidationError(name, "format", "must be an ISO-8601 date and time with a zone, e.g. 2030-01-01T12:00:00Z"));
        return null;
    }
}
