namespace MediaGen.Parity.Tests.Support;

/// <summary>
/// An HTTP answer reduced to what a caller relies on: status, headers (without the ones the server framing adds:
/// <c>Date</c>, <c>Server</c>, <c>Transfer-Encoding</c>, <c>Content-Length</c>), and the body.
/// </summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">Header names (lower case) and values, sorted.</param>
/// <param name="Body">The body text.</param>
public sealed record HttpAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
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
    /// <paramref name="substitutions"/> (e.g. the host's base URL → <c>{base}</c>) in headers and body, and in a JSON body
    /// what <see cref="ParityJson"/> replaces.
    /// </summary>
    public HttpAnswer Normalize(IReadOnlyDictionary<string, string> substitutions) =>
        From(Status,
            Headers.ToDictionary(h => h.Key, h => ParityJson.Substitute(h.Value, substitutions)),
            ParityJson.TryNormalize(Body, substitutions) ?? ParityJson.Substitute(Body, substitutions));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Status}\n{string.Join("\n", Headers.Select(h => $"{h.Key}: {h.Value}"))}\n\n{Body}";
}
