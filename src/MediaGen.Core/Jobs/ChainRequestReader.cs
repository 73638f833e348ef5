namespace MediaGen.Core.Jobs;

/// <summary>
/// Reads a chain request (<c>{"initial"|"mediaId","prompts","model","output","idempotencyKey","callbackUrl","deadline"}</c>)
/// strictly. <c>output</c>, <c>idempotencyKey</c>, <c>callbackUrl</c> and <c>deadline</c> follow the job rules.
/// </summary>
public static class ChainRequestReader
{
    private static readonly HashSet<string> Fields = ["initial", "mediaId", "prompts", "model", "output", "idempotencyKey", "callbackUrl", "deadline"];
    private static readonly string[] SharedFields = ["output", "idempotencyKey", "callbackUrl", "deadline"];

    /// <summary>Reads one chain request.</summary>
    /// <exception cref="RequestValidationException">Anything is wrong; every problem is listed.</exception>
    public static ChainRequest Read(ReadOnlySpan<byte> utf8Json, DateTimeOffset now)
    {
        using var document = JsonRequestParsing.Parse(utf8Json);
        var root = document.RootElement;
        JsonRequestParsing.RequireObject(root);
        var errors = new List<ValidationError>();
        JsonRequestParsing.UnknownFields(root, Fields, errors);

        JsonElement? initial = null;
        if (root.TryGetProperty("initial", out var initialValue) && initialValue.ValueKind != JsonValueKind.Null)
        {
            if (initialValue.ValueKind == JsonValueKind.Object)
            {
                initial = initialValue.Clone();
            }
            else
            {
                errors.Add(new ValidationError("initial", "type", "must be an object (Cosmic video params)"));
            }
        }

        var mediaId = JsonRequestParsing.String(root, "mediaId", errors);
        var model = JsonRequestParsing.String(root, "model", errors);
        var prompts = ReadPrompts(root, errors);

        // The fields a chain shares with a job are read by the job reader, so both follow one set of rules.
        var shared = new JsonObject
        {
            ["kind"] = WireNames.Of(JobKind.Video), ["provider"] = WireNames.Of(ProviderName.Cosmic), ["params"] = new JsonObject(),
        };
        foreach (var field in SharedFields.Where(f => root.TryGetProperty(f, out _)))
        {
            shared[field] = JsonNode.Parse(root.GetProperty(field).GetRawText());
        }

        JobRequest? common = null;
        try
        {
            common = JobRequestReader.Read(JsonSerializer.SerializeToElement(shared), now);
        }
        catch (RequestValidationException ex)
        {
            errors.AddRange(ex.Errors);
        }

        RequestValidationException.ThrowIfAny(errors);
        return new ChainRequest(initial, mediaId, prompts, model, common!.Output, common.IdempotencyKey, common.CallbackUrl, common.Deadline);
    }

    private static List<string> ReadPrompts(JsonElement root, List<ValidationError> errors)
    {
        var prompts = new List<string>();
        if (!root.TryGetProperty("prompts", out var array))
        {
            errors.Add(new ValidationError("prompts", "required", "is required (one prompt per extension)"));
            return prompts;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError("prompts", "type", "must be an array of strings"));
            return prompts;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                prompts.Add(element.GetString()!);
            }
            else
            {
                errors.Add(new ValidationError($"prompts[{index}]", "type", "must be a string"));
            }

            index++;
        }

        return prompts;
    }
}
