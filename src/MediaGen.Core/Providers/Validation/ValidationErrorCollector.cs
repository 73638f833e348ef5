namespace MediaGen.Core.Providers.Validation;

/// <summary>Collects violations with the rule checks the validators share, so every rule words its message the same way.</summary>
internal sealed class ValidationErrorCollector
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(string field, string rule, string message) => _errors.Add(new ValidationError(field, rule, message));

    /// <summary>Required text: not null, not empty, not only white space.</summary>
    public bool Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "required", "is required");
            return false;
        }

        return true;
    }

    /// <summary>Required text of <paramref name="min"/>..<paramref name="max"/> characters.</summary>
    public void RequiredLength(string field, string? value, int min, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "required", $"is required ({min}–{max} characters)");
        }
        else
        {
            Length(field, value, min, max);
        }
    }

    /// <summary>Optional text of at most <paramref name="max"/> characters.</summary>
    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, "length", $"must be at most {max} characters (was {value.Length})");
        }
    }

    /// <summary>Optional text, not empty when given.</summary>
    public void NotEmpty(string field, string? value)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            Add(field, "required", "must not be empty when given");
        }
    }

    public void Length(string field, string value, int min, int max)
    {
        if (value.Length < min || value.Length > max)
        {
            Add(field, "length", $"must be {min}–{max} characters (was {value.Length})");
        }
    }

    public void Range(string field, long? value, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, "range", $"must be between {min} and {max} (was {v})");
        }
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            Add(field, "range", string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (was {v})"));
        }
    }

    public void Minimum(string field, long? value, long min)
    {
        if (value is { } v && v < min)
        {
            Add(field, "range", $"must be at least {min} (was {v})");
        }
    }

    /// <summary>Optional value from a documented set (ordinal, case-sensitive, as the providers compare).</summary>
    public bool OneOf(string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(field, "one_of", $"must be one of {string.Join(", ", allowed)} (was '{value}')");
            return false;
        }

        return true;
    }

    public void OneOf(string field, int? value, IReadOnlyCollection<int> allowed)
    {
        if (value is { } v && !allowed.Contains(v))
        {
            Add(field, "one_of", $"must be one of {string.Join(", ", allowed)} (was {v})");
        }
    }

    /// <summary>Optional absolute http(s) URL.</summary>
    public void Url(string field, string? value)
    {
        if (value is not null && !IsHttpUrl(value))
        {
            Add(field, "url", "must be an absolute http(s) URL");
        }
    }

    /// <summary>Optional list of at most <paramref name="max"/> absolute http(s) URLs.</summary>
    public void UrlList(string field, IReadOnlyList<string>? values, int max, string why)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > max)
        {
            Add(field, "max_items", $"must have at most {max} item{(max == 1 ? "" : "s")} {why} (had {values.Count})");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !IsHttpUrl(values[i]))
            {
                Add($"{field}[{i}]", "url", "must be an absolute http(s) URL");
            }
        }
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
