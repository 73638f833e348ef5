using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// An HTTP answer reduced to what a caller relies on: status, headers (without the ones the server framing adds:
/// <c>Date</c>, <c>Server</c>, <c>Transfer-Encoding</c>, <c>Content-Length</c>), and the body.
/// </summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">Header names (lower case) and values, sorted.</param>
/// <param name="Body">The body text.</param>
public sealed partial record HttpAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    // What each provider call mints anew, so two jobs never share it: the provider's ids, and the bytes it rendered.
    private static readonly HashSet<string> ProviderMinted = new(StringComparer.Ordinal) { "providerId", "requestId", "size", "sha256" };

    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase) { "date", "server", "transfer-encoding", "content-length" };

    /// <summary>An answer from its parts, dropping framing headers.</summary>
    public static HttpAnswer From(int status, IEnumerable<KeyValuePair<string, string>> headers, string body) =>
        new(status,
            new SortedDictionary<string, string>(headers.Where(h => !FramingHeaders.Contains(h.Key)).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value), StringComparer.Ordinal),
            body);

    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>
    /// The answer with what legitimately differs between two hosts replaced by placeholders: each of
    /// <paramref name="substitutions"/> (e.g. the host's base URL → <c>{base}</c>) in headers and body; in a JSON body,
    /// ISO-8601 times (<c>{time}</c>), the ProblemDetails <c>traceId</c> (<c>{traceId}</c>), and what a provider mints per
    /// call (<c>providerId</c>, <c>requestId</c>, and the rendered media's <c>size</c> and <c>sha256</c>: <c>{name}</c>). The
    /// JSON is re-indented so a difference shows line by line.
    /// </summary>
    public HttpAnswer Normalize(IReadOnlyDictionary<string, string> substitutions)
    {
        string Substitute(string text) => substitutions.Aggregate(text, (t, s) => t.Replace(s.Key, s.Value, StringComparison.Ordinal));
        var headers = Headers.ToDictionary(h => h.Key, h => Substitute(h.Value));
        string body;
        try
        {
            var node = JsonNode.Parse(Body);
            body = node is null ? Body : NormalizeNode(node, null, Substitute)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            body = Substitute(Body);
        }

        return From(Status, headers, body);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Status}\n{string.Join("\n", Headers.Select(h => $"{h.Key}: {h.Value}"))}\n\n{Body}";

    private static JsonNode? NormalizeNode(JsonNode? node, string? property, Func<string, string> substitute)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = NormalizeNode(value?.DeepClone(), name, substitute);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = NormalizeNode(array[i]?.DeepClone(), null, substitute);
                }

                return array;
            case JsonValue when property is not null && ProviderMinted.Contains(property):
                return $"{{{property}}}";
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return property == "traceId" ? "{traceId}" : IsoTime().IsMatch(text) ? "{time}" : substitute(text);
            default:
                return node;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTime();
}
