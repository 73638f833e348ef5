namespace MediaGen.Api.Jobs;

/// <summary>
/// Reads the query of <c>GET /api/jobs</c>: <c>status</c> (repeatable or comma-separated: Pending, Running, Completed,
/// Failed, Canceled), <c>createdFrom</c>/<c>createdTo</c> (ISO-8601 with a zone), <c>pageSize</c> (1–1000, default 50),
/// <c>continuationToken</c> (only as a previous page returned it, <see cref="JobPageToken"/>), <c>kind</c> and
/// <c>provider</c> (repeatable or comma-separated, as the job JSON names them), <c>q</c> (text in the id or idempotency
/// key, 1–200 characters), <c>caller</c> (a caller name: an operator lists that caller's jobs; anyone else finds only
/// their own). Unknown parameters are refused, like unknown body fields, and so is any parameter but
/// <c>status</c>, <c>kind</c> and <c>provider</c> given twice.
/// </summary>
public static class JobListQueryParser
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "status", "createdFrom", "createdTo", "pageSize", "continuationToken", "kind", "provider", "q", "caller", "code",
    };

    private static readonly HashSet<string> Repeatable = new(StringComparer.OrdinalIgnoreCase) { "status", "kind", "provider" };

    /// <summary>The query, or every problem at once.</summary>
    /// <exception cref="RequestValidationException">A parameter is unknown or invalid.</exception>
    public static JobQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ValidationError>();
        foreach (var key in query.Keys.Where(k => !Known.Contains(k)))
        {
            errors.Add(new ValidationError(key, "unknown_field", "is not a query parameter (allowed: status, createdFrom, createdTo, pageSize, continuationToken, kind, provider, q, caller)"));
        }

        foreach (var key in query.Keys.Where(k => Known.Contains(k) && !Repeatable.Contains(k) && query[k].Count > 1))
        {
            errors.Add(new ValidationError(key, "duplicate", "is given more than once (only status, kind and provider may be repeated)"));
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
        if (query["pageSize"] is { Count: > 0 } size && (!int.TryParse(size[0], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > JobReader.MaxPageSize))
        {
            errors.Add(new ValidationError("pageSize", "range", $"must be an integer between 1 and {JobReader.MaxPageSize} (was '{size[0]}')"));
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

        var kinds = Names<JobKind>(query, "kind", JobRequestReader.KindText, errors);
        var providers = Names<MediaGen.Core.Providers.ProviderName>(query, "provider", JobRequestReader.ProviderText, errors);
        var search = query["q"].FirstOrDefault();
        if (search is not null && (search.Length is 0 or > 200 || search.Any(char.IsControl)))
        {
            errors.Add(new ValidationError("q", "length", "must be 1–200 characters without control characters"));
        }

        var caller = query["caller"].FirstOrDefault();
        if (caller is not null && !ApiKeyOptionsValidator.IsCallerName(caller))
        {
            errors.Add(new ValidationError("caller", "format", "must be a caller name: 1–64 letters, digits, '-', '_' or '.'"));
        }

        RequestValidationException.ThrowIfAny(errors);
        return new JobQuery(statuses.Count > 0 ? statuses : null, from, to, pageSize, token, kinds, providers, search, caller);
    }

    private static HashSet<T>? Names<T>(IQueryCollection query, string name, Func<T, string> text, List<ValidationError> errors)
        where T : struct, Enum
    {
        if (query[name].Count == 0)
        {
            return null;
        }

        var allowed = Enum.GetValues<T>().ToDictionary(text, v => v, StringComparer.Ordinal);
        var found = new HashSet<T>();
        var given = query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (given.Count == 0)
        {
            errors.Add(new ValidationError(name, "one_of", $"must name at least one of {string.Join(", ", allowed.Keys)} (was empty)"));
        }

        foreach (var value in given)
        {
            if (allowed.TryGetValue(value, out var parsed))
            {
                found.Add(parsed);
            }
            else
            {
                errors.Add(new ValidationError(name, "one_of", $"must be one of {string.Join(", ", allowed.Keys)} (was '{value}')"));
            }
        }

        return found.Count > 0 ? found : null;
    }

    /// <summary>The ISO-8601 time (with a zone) of query parameter <paramref name="name"/>; null when absent, or invalid (an error is added).</summary>
    internal static DateTimeOffset? Time(IQueryCollection query, string name, List<ValidationError> errors)
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
