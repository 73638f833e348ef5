using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MediaGen.Workflows;

/// <summary>
/// The request of a job as the dashboard may show it: fields named like credentials (<c>key</c>, <c>secret</c>,
/// <c>token</c>, <c>password</c>, <c>signature</c>, <c>sas</c>, as a whole name, a snake_case ending or a camelCase ending) replaced, the query of every URL removed (SAS tokens,
/// callback secrets) and data URIs shortened.
/// </summary>
internal static partial class RequestRedaction
{
    /// <summary>What replaces a removed value.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>A job request without secrets.</summary>
    public static JsonElement Job(JobRequest request)
    {
        // Parsed with case-sensitive property names: params may hold names that differ only in case.
        var node = JsonNode.Parse(JsonSerializer.Serialize(request, JobJson.Options))!;
        return Clean(node);
    }

    /// <summary>A chain's input as a request, without secrets (no policy, no deadline: they are settings, not the ask).</summary>
    public static JsonElement Chain(ChainInput input)
    {
        var node = new JsonObject
        {
            ["initial"] = input.Initial is { } initial ? JsonNode.Parse(initial.GetRawText()) : null,
            ["mediaId"] = input.MediaId,
            ["prompts"] = new JsonArray([.. input.Prompts.Select(p => (JsonNode?)JsonValue.Create(p))]),
            ["model"] = input.Model,
            ["output"] = input.Output is null ? null : JsonNode.Parse(JsonSerializer.Serialize(input.Output, JobJson.Options)),
            ["callbackUrl"] = input.CallbackUrl,
            ["deadline"] = input.Deadline,
        };
        return Clean(node);
    }

    private static JsonElement Clean(JsonNode node)
    {
        Walk(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (SecretName().IsMatch(name) && value is not null && !name.Equals("idempotencyKey", StringComparison.Ordinal))
                    {
                        obj[name] = Redacted;
                    }
                    else if (value is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        obj[name] = CleanText(s);
                    }
                    else
                    {
                        Walk(value);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        array[i] = CleanText(s);
                    }
                    else
                    {
                        Walk(array[i]);
                    }
                }

                break;
        }
    }

    private static string CleanText(string text)
    {
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && text.Length > 64)
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            return $"{text[..Math.Clamp(comma + 1, 5, 64)]}… ({text.Length} characters)";
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && (uri.Query.Length > 1 || uri.UserInfo.Length > 0))
        {
            return $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}" + (uri.Query.Length > 1 ? "?" + Redacted : "");
        }

        return text;
    }

    // snake_case / kebab-case names (api_key, webhook_secret, x-api-key) and camelCase ones (apiKey, clientSecret); not
    // max_tokens and the like, which are parameters, not credentials.
    [GeneratedRegex("^((?i:(.*[_-])?(api_?key|key|secret|access_token|auth_token|token|password|passwd|signature|sig|sas|credentials?|authorization))|.*[a-z](Key|Secret|Token|Password|Signature|Credentials?))$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();
}
