using MediaGen.Core.Notifications;

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

    /// <summary>
    /// <c>callbackEvents</c>: null when absent or null; otherwise an array of event names (<see cref="CallbackEvent"/>),
    /// each element's problem named <c>callbackEvents[i]</c>. Repeats and a missing <c>callbackUrl</c> are checked on the
    /// typed request (<c>JobValidator</c>), so typed callers meet the same rules.
    /// </summary>
    public static List<CallbackEvent>? CallbackEvents(JsonElement root, List<ValidationError> errors)
    {
        const string Field = "callbackEvents";
        if (!root.TryGetProperty(Field, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError(Field, "type", $"must be an array of event names ({Notifications.CallbackEvents.Names}; was {list.ValueKind.ToString().ToLowerInvariant()})"));
            return null;
        }

        var events = new List<CallbackEvent>();
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = $"{Field}[{index++}]";
            if (element.ValueKind != JsonValueKind.String)
            {
                errors.Add(new ValidationError(path, "type", $"must be a string, one of {Notifications.CallbackEvents.Names} (was {element.ValueKind.ToString().ToLowerInvariant()})"));
            }
            else if (WireNames.Parse<CallbackEvent>(element.GetString()!) is { } known)
            {
                events.Add(known);
            }
            else
            {
                errors.Add(new ValidationError(path, "one_of", $"must be one of {Notifications.CallbackEvents.Names} (was '{element.GetString()}')"));
            }
        }

        return events;
    }

    public static IEnumerable<ValidationError> Prefixed(RequestValidationException ex, string prefix) =>
        ex.Errors.Select(e => e with { Field = e.Field == "$" ? prefix.TrimEnd('.') : prefix + e.Field });
}
