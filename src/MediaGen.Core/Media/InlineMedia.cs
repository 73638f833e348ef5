namespace MediaGen.Core.Media;

/// <summary>Splits inline media — raw base64 (<c>b64_json</c>) or a <c>data:</c> URI — into its base64 payload and declared type.</summary>
internal static class InlineMedia
{
    /// <summary>The base64 payload and, for a data URI, its media type.</summary>
    /// <exception cref="MediaCopyException"><see cref="MediaCopyErrorKind.InvalidData"/>: empty, malformed or not base64.</exception>
    public static (ReadOnlyMemory<char> Base64, string? MediaType) Parse(string data)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            throw new MediaCopyException(MediaCopyErrorKind.InvalidData, "The inline media is empty.");
        }

        var trimmed = data.AsMemory().Trim();
        if (!trimmed.Span.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return (trimmed, null);
        }

        var comma = trimmed.Span.IndexOf(',');
        if (comma < 0)
        {
            throw new MediaCopyException(MediaCopyErrorKind.InvalidData, "The data URI has no ',' before its data.");
        }

        var header = trimmed.Span[5..comma].ToString().Split(';', StringSplitOptions.TrimEntries);
        if (!header.Skip(1).Contains("base64", StringComparer.OrdinalIgnoreCase))
        {
            throw new MediaCopyException(MediaCopyErrorKind.InvalidData, "Only base64 data URIs (data:<type>;base64,...) are supported.");
        }

        var mediaType = header[0].Contains('/', StringComparison.Ordinal) ? header[0] : null;
        return (trimmed[(comma + 1)..], mediaType);
    }
}
