namespace MediaGen.Api.Triggers;

/// <summary>
/// Turns a queue message body into JSON bytes. Accepts plain JSON and base64-encoded JSON, as the Functions
/// queue trigger does (its SDK sends base64 by default; most other senders send the text as is).
/// </summary>
public static class QueueMessageDecoder
{
    /// <summary>The JSON bytes of <paramref name="body"/>.</summary>
    /// <exception cref="RequestValidationException">The body is empty, or neither JSON nor base64 of JSON.</exception>
    public static ReadOnlyMemory<byte> Decode(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = body.ToMemory();
        var text = bytes.Span.TrimStart(" \t\r\n"u8);
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text.IsEmpty)
        {
            throw Invalid("is empty: send the job as JSON (plain or base64-encoded)");
        }

        if (text[0] is (byte)'{' or (byte)'[')
        {
            return bytes;
        }

        var decoded = new byte[text.Length];
        if (Convert.TryFromBase64String(Encoding.ASCII.GetString(text.TrimEnd(" \t\r\n"u8)), decoded, out var written)
            && written > 0 && decoded.AsSpan(0, written).TrimStart(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..])
        {
            return decoded.AsMemory(0, written);
        }

        throw Invalid("is neither JSON nor base64-encoded JSON");
    }

    private static RequestValidationException Invalid(string message) => new([new ValidationError("$", "json", message)]);
}
