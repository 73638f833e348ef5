namespace MediaGen.Workflows.Pixazo;

/// <summary>
/// Reads the body of a Pixazo webhook (its request status, as docs/providers.md describes it) strictly enough to name
/// what is wrong, with the fields as Pixazo names them: <c>request_id</c>, <c>status</c>, <c>output.media_url[0]</c>.
/// Members Pixazo may add are ignored; a member given twice, a status that is a number or not one of Pixazo's, and a
/// COMPLETED status without media are refused.
/// </summary>
public static class PixazoWebhookPayload
{
    private static readonly string[] Statuses = ["QUEUED", "PROCESSING", "COMPLETED", "FAILED", "ERROR"];
    private static readonly string[] OptionalTexts = ["model_id", "error", "polling_url", "created_at", "updated_at", "completed_at"];

    /// <summary>The status the webhook reports.</summary>
    /// <exception cref="RequestValidationException">The body is not a Pixazo request status; every problem is listed.</exception>
    public static PixazoRequestStatus Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw Invalid("$", "required", "is required: Pixazo's request status as JSON");
        }

        if (body.Length > PixazoWebhookReceiver.MaxBodyBytes)
        {
            throw Invalid("$", "max_size", $"must be at most {PixazoWebhookReceiver.MaxBodyBytes} bytes");
        }

        using var document = StrictJson.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("$", "type", "must be a JSON object (Pixazo's request status)");
        }

        var errors = new List<ValidationError>();
        if (Text(root, "request_id", "request_id", errors, required: true) is { } requestId && string.IsNullOrWhiteSpace(requestId))
        {
            errors.Add(new ValidationError("request_id", "required", "must not be empty"));
        }

        var status = Text(root, "status", "status", errors, required: true);
        if (status is not null && !Statuses.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new ValidationError("status", "one_of", $"must be one of {string.Join(", ", Statuses)} (was '{status}')"));
        }

        foreach (var field in OptionalTexts)
        {
            Text(root, field, field, errors, required: false);
        }

        Output(root, string.Equals(status, "COMPLETED", StringComparison.OrdinalIgnoreCase), errors);
        RequestValidationException.ThrowIfAny(errors);
        try
        {
            return PixazoRequestStatus.Parse(body.Span);
        }
        catch (ProviderException ex)
        {
            // What the checks above leave to the deserializer (e.g. a time that is no ISO-8601 time): its path names the field.
            var path = (ex.InnerException as JsonException)?.Path;
            throw Invalid(path is null or "$" ? "$" : path.TrimStart('$', '.'), "pixazo_status", ex.Message);
        }
    }

    /// <summary>Every problem of <paramref name="body"/> (<see cref="Read"/>'s), or none when it is a valid status.</summary>
    public static IReadOnlyList<ValidationError> Problems(ReadOnlyMemory<byte> body)
    {
        try
        {
            _ = Read(body);
            return [];
        }
        catch (RequestValidationException ex)
        {
            return ex.Errors;
        }
    }

    private static void Output(JsonElement root, bool completed, List<ValidationError> errors)
    {
        if (!root.TryGetProperty("output", out var output) || output.ValueKind == JsonValueKind.Null)
        {
            if (completed)
            {
                errors.Add(new ValidationError("output.media_url", "required", "is required when status is COMPLETED"));
            }

            return;
        }

        if (output.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError("output", "type", "must be an object with media_url"));
            return;
        }

        Text(output, "media_type", "output.media_type", errors, required: false);
        if (!output.TryGetProperty("media_url", out var urls) || urls.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new ValidationError("output.media_url", "required", "is required (the media URLs)"));
            return;
        }

        if (urls.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError("output.media_url", "type", "must be an array of URLs"));
            return;
        }

        if (completed && urls.GetArrayLength() == 0)
        {
            errors.Add(new ValidationError("output.media_url", "required", "must hold at least one URL when status is COMPLETED"));
        }

        var index = 0;
        foreach (var url in urls.EnumerateArray())
        {
            if (url.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(url.GetString()))
            {
                errors.Add(new ValidationError($"output.media_url[{index}]", "type", "must be a URL"));
            }

            index++;
        }
    }

    private static string? Text(JsonElement parent, string name, string field, List<ValidationError> errors, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new ValidationError(field, "required", "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError(field, "type", $"must be a string (was {value.ValueKind.ToString().ToLowerInvariant()})"));
            return null;
        }

        return value.GetString();
    }

    private static RequestValidationException Invalid(string field, string rule, string message) => new([new ValidationError(field, rule, message)]);
}
