namespace MediaGen.Core.Jobs;

/// <summary>Shared strict-JSON helpers of the batch and chain readers.</summary>
internal static class JsonRequestParsing
{
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8Json) => StrictJson.Parse(utf8Json.ToArray());

    public static void RequireObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException([new ValidationError("$", "type", "must be a JSON object")]);
        }
    }

    public static void UnknownFields(JsonElement root, IReadOnlySet<string> allowed, List<ValidationError> errors)
    {
        foreach (var property in root.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors.Add(new ValidationError(property.Name, "unknown_field", $"is not allowed here (allowed: {string.Join(", ", allowed)})"));
        }
    }

    public static string? String(JsonElement parent, string field, List<ValidationError> errors, string? path = null)
    {
        if (!parent.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError(path ?? field, "type", $"must be a string (was {value.ValueKind.ToString().ToLowerInvariant()})"));
            return null;
        }

        return value.GetString();
    }

    public static IEnumerable<ValidationError> Prefixed(RequestValidationException ex, string prefix) =>
        ex.Errors.Select(e => e with { Field = e.Field == "$" ? prefix.TrimEnd('.') : prefix + e.Field });
}
