using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MediaGen.Parity.Tests.Support;

/// <summary>
/// JSON with what legitimately differs between two hosts doing the same thing replaced by placeholders, re-indented so a
/// difference shows line by line: each of the given substitutions (a host's base URL → <c>{base}</c>…) in every string;
/// ISO-8601 times (<c>{time}</c>); the ProblemDetails <c>traceId</c>; what a provider mints per call (<c>providerId</c>,
/// <c>requestId</c>, and the rendered media's <c>size</c> and <c>sha256</c>); a SAS URL's validity window and signature
/// (<c>st</c>, <c>se</c>, <c>sig</c>, which follow the minute it was made).
/// </summary>
internal static partial class ParityJson
{
    private static readonly HashSet<string> ProviderMinted = new(StringComparer.Ordinal) { "providerId", "requestId", "size", "sha256" };

    // A job's metrics are times measured as it ran: each run has its own.
    private static readonly HashSet<string> Measured = new(StringComparer.Ordinal)
    {
        "queuedSeconds", "providerSeconds", "copySeconds", "totalSeconds", "providerProcessingSeconds",
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The normalised text of <paramref name="json"/>; null when it is not JSON.</summary>
    public static string? TryNormalize(string json, IReadOnlyDictionary<string, string> substitutions)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        return node is null ? json : Normalize(node, null, substitutions)!.ToJsonString(Indented);
    }

    /// <summary>The normalised text of <paramref name="json"/>.</summary>
    public static string Normalize(string json, IReadOnlyDictionary<string, string> substitutions) =>
        TryNormalize(json, substitutions) ?? throw new ArgumentException("Not JSON: " + json, nameof(json));

    /// <summary>Applies <paramref name="substitutions"/> to <paramref name="text"/>.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> substitutions) =>
        substitutions.Aggregate(text, (t, s) => t.Replace(s.Key, s.Value, StringComparison.Ordinal));

    private static JsonNode? Normalize(JsonNode? node, string? property, IReadOnlyDictionary<string, string> substitutions)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = Normalize(value?.DeepClone(), name, substitutions);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Normalize(array[i]?.DeepClone(), null, substitutions);
                }

                return array;
            case JsonValue when property is not null && (ProviderMinted.Contains(property) || Measured.Contains(property)):
                return $"{{{property}}}";
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                // Every start is its own trace: the W3C trace context differs by design.
                return property is "traceId" or "traceParent" ? $"{{{property}}}"
                    : IsoTime().IsMatch(text) ? "{time}"
                    : SasWindow().Replace(Substitute(text, substitutions), "${name}={sas}");
            default:
                return node;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"(?<=[?&])(?<name>st|se|sig)=[^&]*")]
    private static partial Regex SasWindow();
}
