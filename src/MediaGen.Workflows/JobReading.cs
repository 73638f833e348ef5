namespace MediaGen.Workflows;

/// <summary>Reads job JSON (<see cref="StrictJson"/>) so that top-level and <c>params</c> problems are reported together, in one exception.</summary>
internal static class JobReading
{
    public static JobRequest Read(ReadOnlySpan<byte> utf8Json, DateTimeOffset now)
    {
        using var document = StrictJson.Parse(utf8Json.ToArray());
        var root = document.RootElement;
        try
        {
            return JobRequestReader.Read(root, now);
        }
        catch (RequestValidationException ex) when (ex.Errors is not [{ Field: "$" }])
        {
            var more = ParamsErrors(root).Where(e => !ex.Errors.Any(known => known.Field == e.Field)).ToList();
            if (more.Count == 0)
            {
                throw;
            }

            throw new RequestValidationException([.. ex.Errors, .. more]);
        }
    }

    /// <summary>The params problems of a request whose kind and provider can be read, even when other fields are wrong.</summary>
    private static IEnumerable<ValidationError> ParamsErrors(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("kind", out var kindText) || kindText.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("provider", out var providerText) || providerText.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var provider = WireNames.Parse<ProviderName>(providerText.GetString()!);
        var kind = WireNames.Parse<JobKind>(kindText.GetString()!);
        return provider is { } p && kind is { } k && ProviderRegistry.Find(p, k) is not null
            ? [.. JobParamsBinder.TryBind(p, k, parameters).Errors]
            : [];
    }
}
