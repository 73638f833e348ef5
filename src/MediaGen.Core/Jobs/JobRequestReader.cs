namespace MediaGen.Core.Jobs;

/// <summary>
/// Reads the job JSON shared by HTTP, queue messages and job-spec blobs, strictly: malformed JSON,
/// unknown fields, wrong types, unsupported kind/provider pairs and bad output names are all reported
/// at once, each naming its field. Provider parameters are checked by the provider's own validator.
/// </summary>
public static partial class JobRequestReader
{
    private static readonly HashSet<string> TopLevelFields =
        ["kind", "provider", "params", "output", "idempotencyKey", "callbackUrl", "deadline", "fallbacks"];

    private static readonly HashSet<string> FallbackFields = ["provider", "params"];

    private static readonly HashSet<string> OutputFields = ["container", "folder", "prefix"];

    private static readonly string AllowedKinds = string.Join(", ", Enum.GetValues<JobKind>().Select(KindText));

    private static readonly string AllowedProviders = string.Join(", ", ProviderRegistry.Modules.Select(m => ProviderText(m.Name)));

    /// <summary>The kinds each provider generates (its module's <see cref="ProviderModule.Kinds"/>).</summary>
    public static IReadOnlyDictionary<ProviderName, IReadOnlySet<JobKind>> SupportedKinds { get; } =
        ProviderRegistry.Modules.ToDictionary(m => m.Name, m => (IReadOnlySet<JobKind>)m.Kinds.Select(k => k.Kind).ToHashSet());

    /// <summary>Reads one job request.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <param name="now">The current time, for the deadline check.</param>
    /// <exception cref="RequestValidationException">Anything is wrong; every problem is listed.</exception>
    public static JobRequest Read(ReadOnlySpan<byte> utf8Json, DateTimeOffset now)
    {
        using var document = StrictJson.Parse(utf8Json.ToArray());
        return Read(document.RootElement, now);
    }

    /// <summary>
    /// Reads one job request from parsed JSON (the result does not hold on to <paramref name="root"/>), which
    /// <see cref="StrictJson"/> has checked (no repeated members, every string valid text).
    /// </summary>
    /// <exception cref="RequestValidationException">Anything is wrong; every problem is listed.</exception>
    public static JobRequest Read(JsonElement root, DateTimeOffset now)
    {
        var errors = new List<ValidationError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException([new ValidationError("$", "type", "must be a JSON object")]);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!TopLevelFields.Contains(property.Name))
            {
                errors.Add(new ValidationError(property.Name, "unknown_field",
                    $"is not a job field (allowed: {string.Join(", ", TopLevelFields)})"));
            }
        }

        var kind = ReadEnum(root, "kind", errors, WireNames.Parse<JobKind>, AllowedKinds);
        var provider = ReadEnum(root, "provider", errors, WireNames.Parse<ProviderName>, AllowedProviders);
        if (kind is { } k && provider is { } p && !SupportedKinds[p].Contains(k))
        {
            errors.Add(new ValidationError("kind", "not_supported",
                $"{ProviderText(p)} does not generate {KindText(k)}; it generates {string.Join(", ", SupportedKinds[p].Select(KindText))}"));
        }

        JsonElement parameters = default;
        if (!root.TryGetProperty("params", out parameters))
        {
            errors.Add(new ValidationError("params", "required", "is required (the provider's own fields)"));
        }
        else if (parameters.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError("params", "type", "must be an object"));
        }

        var output = ReadOutput(root, errors);
        var idempotencyKey = JsonRequestParsing.String(root, "idempotencyKey", errors);
        if (idempotencyKey is not null && !IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            errors.Add(new ValidationError("idempotencyKey", "format", "must be 1–100 characters of letters, digits, '.', '_', ':' or '-'"));
        }

        var callbackUrl = JsonRequestParsing.String(root, "callbackUrl", errors);
        if (callbackUrl is not null && !ValidationErrorCollector.IsHttpUrl(callbackUrl))
        {
            errors.Add(new ValidationError("callbackUrl", "url", "must be an absolute http(s) URL"));
        }

        var deadline = ReadDeadline(root, now, errors);
        var fallbacks = ReadFallbacks(root, kind, errors);
        RequestValidationException.ThrowIfAny(errors);
        return new JobRequest(kind!.Value, provider!.Value, parameters.Clone(), output, idempotencyKey, callbackUrl, deadline, fallbacks);
    }

    private static List<JobFallback>? ReadFallbacks(JsonElement root, JobKind? kind, List<ValidationError> errors)
    {
        if (!root.TryGetProperty("fallbacks", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError("fallbacks", "type", "must be an array of {provider, params}"));
            return null;
        }

        if (list.GetArrayLength() is 0 or > JobRequest.MaxFallbacks)
        {
            errors.Add(new ValidationError("fallbacks", "range", $"must list 1–{JobRequest.MaxFallbacks} providers (was {list.GetArrayLength()})"));
            return null;
        }

        var fallbacks = new List<JobFallback>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"fallbacks[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ValidationError(path, "type", "must be an object {provider, params}"));
                continue;
            }

            foreach (var property in item.EnumerateObject().Where(p => !FallbackFields.Contains(p.Name)))
            {
                errors.Add(new ValidationError($"{path}.{property.Name}", "unknown_field", "is not a fallback field (allowed: provider, params)"));
            }

            ProviderName? provider = null;
            if (!item.TryGetProperty("provider", out var given) || given.ValueKind == JsonValueKind.Null)
            {
                errors.Add(new ValidationError($"{path}.provider", "required", $"is required (one of {AllowedProviders})"));
            }
            else if (JsonRequestParsing.String(item, "provider", errors, $"{path}.provider") is { } text)
            {
                provider = WireNames.Parse<ProviderName>(text);
                if (provider is null)
                {
                    errors.Add(new ValidationError($"{path}.provider", "one_of", $"must be one of {AllowedProviders} (was '{text}')"));
                }
                else if (kind is { } k && !SupportedKinds[provider.Value].Contains(k))
                {
                    errors.Add(new ValidationError($"{path}.provider", "not_supported", $"{text} does not generate {KindText(k)}"));
                    provider = null;
                }
            }

            JsonElement? parameters = null;
            if (item.TryGetProperty("params", out var given2) && given2.ValueKind != JsonValueKind.Null)
            {
                if (given2.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ValidationError($"{path}.params", "type", "must be an object"));
                }
                else
                {
                    parameters = given2.Clone();
                }
            }
            else if (kind is not JobKind.Image)
            {
                errors.Add(new ValidationError($"{path}.params", "required", "is required (only image jobs map the primary's params automatically)"));
            }

            if (provider is { } p)
            {
                fallbacks.Add(new JobFallback(p, parameters));
            }
        }

        return fallbacks;
    }

    /// <summary>The JSON name of a kind (<see cref="WireNames"/>).</summary>
    public static string KindText(JobKind kind) => WireNames.Of(kind);

    /// <summary>The JSON name of a provider (<see cref="WireNames"/>).</summary>
    public static string ProviderText(ProviderName provider) => WireNames.Of(provider);

    private static T? ReadEnum<T>(JsonElement root, string field, List<ValidationError> errors, Func<string, T?> parse, string allowed)
        where T : struct
    {
        // Null counts as missing here: unlike the optional fields, a required one has no "not given" to fall back to.
        if (!root.TryGetProperty(field, out var given) || given.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new ValidationError(field, "required", $"is required (one of {allowed})"));
            return null;
        }

        var text = JsonRequestParsing.String(root, field, errors);
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            errors.Add(new ValidationError(field, "one_of", $"must be one of {allowed} (was '{text}')"));
        }

        return value;
    }

    private static JobOutput? ReadOutput(JsonElement root, List<ValidationError> errors)
    {
        if (!root.TryGetProperty("output", out var output) || output.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (output.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError("output", "type", "must be an object with container, folder, prefix"));
            return null;
        }

        foreach (var property in output.EnumerateObject().Where(p => !OutputFields.Contains(p.Name)))
        {
            errors.Add(new ValidationError($"output.{property.Name}", "unknown_field", "is not an output field (allowed: container, folder, prefix)"));
        }

        var container = JsonRequestParsing.String(output, "container", errors, "output.container");
        var folder = JsonRequestParsing.String(output, "folder", errors, "output.folder");
        var prefix = JsonRequestParsing.String(output, "prefix", errors, "output.prefix");
        if (container is not null && !ContainerPattern().IsMatch(container))
        {
            errors.Add(new ValidationError("output.container", "format",
                "must be a blob container name: 3–63 lowercase letters, digits and single dashes, starting and ending with a letter or digit"));
        }

        if (folder is not null && (folder.Length > 512 || !FolderPattern().IsMatch(folder) || folder.Split('/').Any(s => s is "." or "..")))
        {
            errors.Add(new ValidationError("output.folder", "format",
                "must be up to 512 characters of letters, digits, '-', '_', '.' and '/' separated segments, without '.' or '..' segments"));
        }

        if (prefix is not null && !PrefixPattern().IsMatch(prefix))
        {
            errors.Add(new ValidationError("output.prefix", "format", "must be up to 64 letters, digits, '-', '_' or '.'"));
        }

        return new JobOutput(container, folder, prefix);
    }

    private static DateTimeOffset? ReadDeadline(JsonElement root, DateTimeOffset now, List<ValidationError> errors)
    {
        var text = JsonRequestParsing.String(root, "deadline", errors);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline) || !text.EndsWith('Z') && !HasOffset(text))
        {
            errors.Add(new ValidationError("deadline", "format", "must be an ISO-8601 date and time with a zone, e.g. 2030-01-01T12:00:00Z"));
            return null;
        }

        if (deadline <= now)
        {
            errors.Add(new ValidationError("deadline", "range", "must be in the future"));
        }

        return deadline;
    }

    private static bool HasOffset(string text) => text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':';

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex IdempotencyKeyPattern();

    [GeneratedRegex("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")]
    private static partial Regex FolderPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{0,64}$")]
    private static partial Regex PrefixPattern();
}
