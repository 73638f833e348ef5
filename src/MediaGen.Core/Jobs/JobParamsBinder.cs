namespace MediaGen.Core.Jobs;

/// <summary>
/// Binds a job's <c>params</c> to the provider's typed request, strictly: field names exactly as the provider documents
/// them (snake_case), an unknown field or a value of the wrong type is an error naming <c>params.&lt;field&gt;</c>, and the
/// provider's validator runs on the result. Every problem is reported at once; a <see cref="JsonException"/> never escapes.
/// </summary>
public static class JobParamsBinder
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The typed request a (provider, kind) pair binds to, or null when the pair is not supported.</summary>
    public static Type? RequestTypeFor(ProviderName provider, JobKind kind) => ProviderRegistry.Find(provider, kind)?.RequestType;

    /// <summary>Binds and validates; never throws for bad input.</summary>
    public static JobParamsBinding TryBind(ProviderName provider, JobKind kind, JsonElement parameters)
    {
        if (ProviderRegistry.Find(provider, kind) is not { } descriptor)
        {
            return Invalid(new ValidationError("kind", "not_supported",
                $"{JobRequestReader.ProviderText(provider)} does not generate {JobRequestReader.KindText(kind)}"));
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return Invalid(new ValidationError("params", "type", "must be an object (the provider's own fields)"));
        }

        var info = Options.GetTypeInfo(descriptor.RequestType);
        // [JsonIgnore] members (e.g. WebhookUrl, which we set ourselves) stay listed but without accessors: not caller fields.
        var known = info.Properties.Where(p => p.Get is not null || p.Set is not null).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var errors = new List<ValidationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in parameters.EnumerateObject())
        {
            if (!known.TryGetValue(property.Name, out var field))
            {
                errors.Add(new ValidationError("params." + property.Name, "unknown_field",
                    $"is not a {JobRequestReader.ProviderText(provider)} {JobRequestReader.KindText(kind)} parameter (allowed: {string.Join(", ", known.Keys)})"));
            }
            else if (!seen.Add(property.Name))
            {
                errors.Add(new ValidationError("params." + property.Name, "duplicate", "is given more than once"));
            }
            else
            {
                errors.AddRange(CheckValue(descriptor, property.Name, property.Value, field));
            }
        }

        if (errors.Count > 0)
        {
            return new JobParamsBinding(null, errors);
        }

        object? request;
        try
        {
            request = parameters.Deserialize(info);
        }
        catch (JsonException ex)
        {
            return Invalid(new ValidationError("params" + PathOf(ex), "type", "has a value of the wrong type"));
        }

        if (request is null)
        {
            return Invalid(new ValidationError("params", "type", "must be an object (the provider's own fields)"));
        }

        var violations = descriptor.Validate(request).Select(e => e with { Field = "params." + e.Field }).ToList();
        return violations.Count > 0 ? new JobParamsBinding(null, violations) : new JobParamsBinding(request, []);
    }

    /// <summary>Binds and validates.</summary>
    /// <exception cref="RequestValidationException">Anything is wrong; every problem is listed.</exception>
    public static object Bind(ProviderName provider, JobKind kind, JsonElement parameters)
    {
        var binding = TryBind(provider, kind, parameters);
        RequestValidationException.ThrowIfAny(binding.Errors);
        return binding.Request!;
    }

    private static IEnumerable<ValidationError> CheckValue(ProviderKind descriptor, string name, JsonElement value, JsonPropertyInfo field)
    {
        var type = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
        var named = descriptor.CheckParam(name, type, value).ToList();
        if (named.Count > 0)
        {
            // The provider named what is wrong inside the value: more precise than the type check.
            foreach (var error in named)
            {
                yield return error;
            }

            yield break;
        }

        string? path = null;
        try
        {
            _ = value.Deserialize(field.PropertyType, Options);
        }
        catch (JsonException ex)
        {
            path = PathOf(ex);
        }

        if (path is not null)
        {
            var nested = path.Length > 0;
            yield return new ValidationError($"params.{name}{path}", "type",
                nested ? "is not allowed here or has a value of the wrong type" : $"must be {descriptor.DescribeParamType(type) ?? Describe(type)} (was {DescribeValue(value.ValueKind)})");
        }
    }

    /// <summary>The JSON path inside the value that failed (<c>[1].role</c>), from the exception; empty for the value itself.</summary>
    private static string PathOf(JsonException ex)
    {
        var path = ex.Path;
        return path is null or "$" ? "" : path.StartsWith('$') ? path[1..] : "." + path;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(IReadOnlyList<string>) => "an array of strings",
        _ when type == typeof(IReadOnlyDictionary<string, JsonElement>) => "an object",
        _ => "a value of another type",
    };

    /// <summary>How a JSON value's kind reads in an error (<c>a boolean</c>, <c>string</c>…).</summary>
    internal static string DescribeValue(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static JobParamsBinding Invalid(ValidationError error) => new(null, [error]);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
