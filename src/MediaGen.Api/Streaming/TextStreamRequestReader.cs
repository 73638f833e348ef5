namespace MediaGen.Api.Streaming;

/// <summary>
/// Reads the body of <c>POST /api/text/stream</c> strictly: Cosmic's own text fields (<c>prompt</c> or
/// <c>messages</c>, <c>model</c>, <c>max_tokens</c>, <c>media_url</c>), no others, no member twice, every problem named
/// at once, then Cosmic's documented rules.
/// </summary>
public static class TextStreamRequestReader
{
    private static readonly string[] Fields = ["prompt", "messages", "model", "max_tokens", "media_url"];

    /// <summary>Reads and validates one request.</summary>
    /// <exception cref="RequestValidationException">Anything is wrong; every problem is listed.</exception>
    public static CosmicTextRequest Read(ReadOnlyMemory<byte> utf8Json, IRequestValidator<CosmicTextRequest> validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        using (var document = StrictJson.Parse(utf8Json))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RequestValidationException([new ValidationError("$", "type", "must be a JSON object")]);
            }

            var errors = new List<ValidationError>();
            foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                errors.Add(new ValidationError(property.Name, "unknown_field", $"is not a text field (allowed: {string.Join(", ", Fields)})"));
            }

            var request = new CosmicTextRequest(
                Prompt: String(root, "prompt", errors),
                Messages: Messages(root, errors),
                Model: String(root, "model", errors),
                MaxTokens: Integer(root, "max_tokens", errors),
                MediaUrl: String(root, "media_url", errors));
            RequestValidationException.ThrowIfAny(errors);
            RequestValidationException.ThrowIfAny(validator.Validate(request));
            return request;
        }
    }

    private static string? String(JsonElement parent, string name, List<ValidationError> errors, string? path = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError(path ?? name, "type", "must be a string"));
            return null;
        }

        return value.GetString();
    }

    private static int? Integer(JsonElement parent, string name, List<ValidationError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            errors.Add(new ValidationError(name, "type", "must be an integer"));
            return null;
        }

        return number;
    }

    private static List<CosmicMessage>? Messages(JsonElement root, List<ValidationError> errors)
    {
        if (!root.TryGetProperty("messages", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError("messages", "type", "must be an array of {role, content}"));
            return null;
        }

        var messages = new List<CosmicMessage>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"messages[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ValidationError(path, "type", "must be an object with role and content"));
                continue;
            }

            foreach (var property in item.EnumerateObject().Where(p => p.Name is not ("role" or "content")))
            {
                errors.Add(new ValidationError($"{path}.{property.Name}", "unknown_field", "is not a message field (allowed: role, content)"));
            }

            messages.Add(new CosmicMessage(
                String(item, "role", errors, $"{path}.role") ?? "",
                String(item, "content", errors, $"{path}.content") ?? ""));
        }

        return messages;
    }
}
