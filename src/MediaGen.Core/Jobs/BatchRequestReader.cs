namespace MediaGen.Core.Jobs;

/// <summary>Reads a batch request (<c>{"items":[job, …],"idempotencyKey","callbackUrl"}</c>) strictly; item errors are named <c>items[i].field</c>.</summary>
public static class BatchRequestReader
{
    private static readonly HashSet<string> Fields = ["items", "idempotencyKey", "callbackUrl"];

    /// <summary>Reads one batch request.</summary>
    /// <exception cref="RequestValidationException">Anything is wrong; every problem is listed.</exception>
    public static BatchRequest Read(ReadOnlySpan<byte> utf8Json, DateTimeOffset now)
    {
        using var document = JsonRequestParsing.Parse(utf8Json);
        var root = document.RootElement;
        JsonRequestParsing.RequireObject(root);
        var errors = new List<ValidationError>();
        JsonRequestParsing.UnknownFields(root, Fields, errors);
        var items = new List<JobRequest>();
        if (!root.TryGetProperty("items", out var array))
        {
            errors.Add(new ValidationError("items", "required", "is required (an array of job requests)"));
        }
        else if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError("items", "type", "must be an array of job requests"));
        }
        else
        {
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                try
                {
                    items.Add(JobRequestReader.Read(element, now));
                }
                catch (RequestValidationException ex)
                {
                    errors.AddRange(JsonRequestParsing.Prefixed(ex, $"items[{index}]."));
                }

                index++;
            }
        }

        var idempotencyKey = JsonRequestParsing.String(root, "idempotencyKey", errors);
        var callbackUrl = JsonRequestParsing.String(root, "callbackUrl", errors);
        RequestValidationException.ThrowIfAny(errors);
        return new BatchRequest(items, idempotencyKey, callbackUrl);
    }
}
