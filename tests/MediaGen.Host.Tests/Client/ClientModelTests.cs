using System.Reflection;
using System.Text.Json.Serialization;
using MediaGen.Client;

namespace MediaGen.Host.Tests.Client;

/// <summary>
/// The client's models against the OpenAPI document the host serves: every schema the client has a model of has the same
/// properties (no field missing, none invented), compatible types, the required ones non-nullable, and enums with the same
/// wire names. When the API changes, this fails until the client follows.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ClientModelTests(HostEnvironment env)
{
    private static readonly Type[] Models =
    [
        typeof(JobRequest), typeof(BatchRequest), typeof(ChainRequest), typeof(JobAccepted), typeof(JobState), typeof(JobResult),
        typeof(JobResultItem), typeof(JobUsage), typeof(JobError), typeof(JobCost), typeof(ProviderAttempt), typeof(JobPage),
        typeof(BatchState), typeof(BatchItemState), typeof(CostTotal), typeof(JobKind), typeof(ProviderName), typeof(JobStatus),
    ];

    [Fact]
    public async Task ClientModels_ServedDocument_AgreeFieldByField()
    {
        await using var host = await env.StartHostAsync();
        using var document = JsonDocument.Parse(await host.Anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var problems = Models.SelectMany(model => Disagreements(model, schemas)).ToList();

        Assert.True(problems.Count == 0, "the client and the served OpenAPI document disagree:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Disagreements_ModelMissingAFieldOrWithAWrongType_AreFound()
    {
        using var document = JsonDocument.Parse("""
            {"Probe":{"type":"object","required":["id","count"],"properties":{"id":{"type":"string"},"count":{"type":"integer"},"extra":{"type":["null","string"]}}}}
            """);

        var problems = Disagreements(typeof(Probe), document.RootElement);

        Assert.Contains(problems, p => p.Contains("extra", StringComparison.Ordinal) && p.Contains("lacks", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("count", StringComparison.Ordinal) && p.Contains("type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("invented", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Probe.id", StringComparison.Ordinal) && p.Contains("nullable", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Disagreements(Type model, JsonElement schemas)
    {
        if (!schemas.TryGetProperty(model.Name, out var schema))
        {
            yield return $"{model.Name}: no such schema";
            yield break;
        }

        if (model.IsEnum)
        {
            var wire = Enum.GetNames(model).Select(n => JsonSerializer.Serialize(Enum.Parse(model, n), model, MediaGenJson.Options).Trim('"')).Order();
            var served = schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order();
            if (!wire.SequenceEqual(served))
            {
                yield return $"{model.Name}: enum [{string.Join(", ", wire)}] vs served [{string.Join(", ", served)}]";
            }

            yield break;
        }

        var properties = schema.GetProperty("properties");
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        var nullability = new NullabilityInfoContext();
        var clientProperties = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.Name != "EqualityContract")
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        foreach (var served in properties.EnumerateObject())
        {
            if (!clientProperties.TryGetValue(served.Name, out var property))
            {
                yield return $"{model.Name}: the client lacks '{served.Name}'";
                continue;
            }

            if (!Compatible(property.PropertyType, served.Value, schemas))
            {
                yield return $"{model.Name}.{served.Name}: client type {property.PropertyType.Name} does not fit the served type {served.Value.GetRawText()}";
            }

            if (required.Contains(served.Name) && !AllowsNull(served.Value) && nullability.Create(property).ReadState == NullabilityState.Nullable)
            {
                yield return $"{model.Name}.{served.Name}: required, but nullable in the client";
            }
        }

        foreach (var name in clientProperties.Keys.Where(n => !properties.TryGetProperty(n, out _)))
        {
            yield return $"{model.Name}: the client invented '{name}'";
        }
    }

    /// <summary>Whether a CLR type can hold what the schema (with its nulls, refs, oneOfs) describes.</summary>
    private static bool Compatible(Type type, JsonElement schema, JsonElement schemas)
    {
        var clr = Nullable.GetUnderlyingType(type) ?? type;
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return name == clr.Name || (name == "JsonElement" && clr.Name is "JsonElement" or "JsonObject");
        }

        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema.TryGetProperty(keyword, out var choices))
            {
                return choices.EnumerateArray().Where(c => !IsNull(c)).All(c => Compatible(type, c, schemas));
            }
        }

        if (schema.TryGetProperty("enum", out _))
        {
            return clr.IsEnum;
        }

        var types = !schema.TryGetProperty("type", out var t) ? [] : t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(e => e.GetString()!).Where(s => s != "null").ToList()
            : [t.GetString()!];
        if (types.Count == 0)
        {
            // Any JSON (a provider's params): the client holds it as JSON.
            return clr.Name is "JsonElement" or "JsonObject" or "JsonNode";
        }

        return types[0] switch
        {
            "string" => clr == typeof(string) || clr == typeof(Uri) || clr == typeof(DateTimeOffset),
            "integer" => clr == typeof(int) || clr == typeof(long),
            "number" => clr == typeof(decimal) || clr == typeof(double),
            "boolean" => clr == typeof(bool),
            "array" => clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                && schema.TryGetProperty("items", out var items) && Compatible(clr.GetGenericArguments()[0], items, schemas),
            "object" => clr.IsClass && clr != typeof(string),
            _ => false,
        };
    }

    /// <summary>Whether the schema admits null (any JSON, a null type, or a null choice).</summary>
    private static bool AllowsNull(JsonElement schema) =>
        !schema.EnumerateObject().Any(p => p.Name is "type" or "$ref" or "oneOf" or "anyOf" or "enum")
        || (schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(e => e.GetString() == "null"))
        || IsNull(schema)
        || (schema.TryGetProperty("oneOf", out var one) && one.EnumerateArray().Any(IsNull))
        || (schema.TryGetProperty("anyOf", out var any) && any.EnumerateArray().Any(IsNull));

    private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    /// <summary>A model the probe document does not fit: <c>count</c> has the wrong type, <c>extra</c> is missing, <c>invented</c> is not served, <c>id</c> is required but nullable.</summary>
    private sealed record Probe(string? Id, string Count, string Invented);
}
