namespace MediaGen.Simulator.Pipeline;

/// <summary>
/// Reads and validates fields of a request body the way the providers document them. The first
/// violation is kept in <see cref="Error"/> (naming the field and the rule); later reads return null.
/// JSON null counts as absent.
/// </summary>
internal sealed class JsonFields(JsonElement root)
{
    public string? Error { get; private set; }

    public bool Has(string name) => Get(name) is not null;

    /// <summary>The raw value of a field, for fields that accept several JSON types.</summary>
    public JsonElement? Raw(string name) => Get(name);

    public string? String(string name, bool required = false, int minLength = 0, int maxLength = int.MaxValue, IReadOnlyCollection<string>? allowed = null)
    {
        if (Get(name) is not { } value)
        {
            return required ? Fail($"{name} is required.") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail($"{name} must be a string.");
        }

        var text = value.GetString()!;
        if (text.Length < minLength || text.Length > maxLength)
        {
            return Fail(maxLength == int.MaxValue
                ? $"{name} must not be empty."
                : $"{name} must be {minLength}–{maxLength} characters long (got {text.Length}).");
        }

        if (allowed is not null && !allowed.Contains(text))
        {
            return Fail($"{name} must be one of: {string.Join(", ", allowed)} (got '{text}').");
        }

        return text;
    }

    public long? Integer(string name, long min = long.MinValue, long max = long.MaxValue, IReadOnlyCollection<long>? allowed = null)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            return FailStruct<long>($"{name} must be an integer.");
        }

        if (allowed is not null && !allowed.Contains(number))
        {
            return FailStruct<long>($"{name} must be one of: {string.Join(", ", allowed)} (got {number}).");
        }

        return number < min || number > max
            ? FailStruct<long>($"{name} must be between {min} and {max} (got {number}).")
            : number;
    }

    public double? Number(string name, double min, double max)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            return FailStruct<double>($"{name} must be a number.");
        }

        var number = value.GetDouble();
        return number < min || number > max
            ? FailStruct<double>(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max} (got {number})."))
            : number;
    }

    public bool? Boolean(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => FailStruct<bool>($"{name} must be a boolean."),
    };

    public IReadOnlyList<string>? StringArray(string name, int maxCount = int.MaxValue, string? tooMany = null)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return FailRef<IReadOnlyList<string>>($"{name} must be an array of strings.");
        }

        var items = value.EnumerateArray().Select(e => e.GetString()!).ToList();
        return items.Count > maxCount ? FailRef<IReadOnlyList<string>>(tooMany ?? $"{name} accepts at most {maxCount} item(s) (got {items.Count}).") : items;
    }

    public JsonElement? Object(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : FailStruct<JsonElement>($"{name} must be a JSON object.");
    }

    public JsonElement? Array(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Array ? value : FailStruct<JsonElement>($"{name} must be an array.");
    }

    /// <summary>Records a rule violation found by the caller (cross-field rules).</summary>
    public void Reject(string message) => Error ??= message;

    private JsonElement? Get(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private string? Fail(string message) => FailRef<string>(message);

    private T? FailRef<T>(string message)
        where T : class
    {
        Error ??= message;
        return null;
    }

    private T? FailStruct<T>(string message)
        where T : struct
    {
        Error ??= message;
        return null;
    }
}
