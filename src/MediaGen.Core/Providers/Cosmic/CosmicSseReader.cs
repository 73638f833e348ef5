using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace MediaGen.Core.Providers.Cosmic;

/// <summary>
/// Reads Cosmic's text stream (server-sent events) line by line as it arrives, turning each event into
/// <see cref="CosmicTextStreamEvent"/>s. Each event's data is a chunk object as the document describes:
/// <c>{"text": …}</c>, <c>{"usage": {…}}</c> (on the wire also <c>{"token_count": {…}}</c>), <c>{"end": true}</c> or
/// <c>{"event": "end", "data": {…}}</c>, <c>{"error": …}</c> (several keys may share a chunk).
/// An SSE <c>event:</c> name of <c>text</c>/<c>usage</c>/<c>end</c>/<c>error</c> with plain data, and <c>data: [DONE]</c>, are read too.
/// </summary>
internal static class CosmicSseReader
{
    /// <summary>
    /// Most bytes one text stream may send. <see cref="SseParser"/> buffers an event until its blank line with no bound of
    /// its own; this caps what one stream can hold in memory, far above any text a generation returns.
    /// </summary>
    internal const long MaxStreamBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The stream's events, parsed by <see cref="SseParser"/> as the SSE specification says: comments are skipped,
    /// <c>data:</c> lines join with newlines, and an event the body ends before its blank line is discarded, so a
    /// stream cut short in its last event ends without an end event (<see cref="ProviderErrorType.MalformedResponse"/>).
    /// </summary>
    public static IAsyncEnumerable<CosmicTextStreamEvent> ReadAsync(Stream body, CancellationToken cancellationToken) =>
        ReadAsync(body, MaxStreamBytes, cancellationToken);

    /// <summary>As <see cref="ReadAsync(Stream, CancellationToken)"/>, refusing a stream over <paramref name="maxBytes"/>.</summary>
    internal static async IAsyncEnumerable<CosmicTextStreamEvent> ReadAsync(Stream body, long maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var bounded = new BoundedReadStream(body, maxBytes);
        var items = SseParser.Create(bounded, static (_, data) => Encoding.UTF8.GetString(data))
            .EnumerateAsync(cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using (items.ConfigureAwait(false))
        {
            while (await NextAsync(items, bounded).ConfigureAwait(false))
            {
                // "message" is SSE's type for an event without an event: line.
                var item = items.Current;
                foreach (var streamEvent in Interpret(item.EventType == SseParser.EventTypeDefault ? null : item.EventType, item.Data))
                {
                    yield return streamEvent;
                    if (streamEvent.Kind is CosmicTextStreamEventKind.End or CosmicTextStreamEventKind.Error)
                    {
                        yield break;
                    }
                }
            }
        }

        throw new ProviderException(ProviderName.Cosmic, ProviderErrorType.MalformedResponse, "Cosmic's text stream ended without an end event; the text may be incomplete.");
    }

    private static async ValueTask<bool> NextAsync(IAsyncEnumerator<SseItem<string>> items, BoundedReadStream bounded)
    {
        try
        {
            return await items.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new ProviderException(ProviderName.Cosmic, ProviderErrorType.ProviderUnavailable, "Cosmic broke off the text stream before its end event.", innerException: ex);
        }
        catch (InvalidDataException ex) when (bounded.Exceeded)
        {
            throw new ProviderException(ProviderName.Cosmic, ProviderErrorType.MalformedResponse, $"Cosmic sent a text stream over {bounded.Limit} bytes.", innerException: ex);
        }
    }

    /// <summary>The events one SSE event carries, in the order text, usage, error, end.</summary>
    internal static IEnumerable<CosmicTextStreamEvent> Interpret(string? eventName, string data)
    {
        var trimmed = data.Trim();
        if (trimmed == "[DONE]")
        {
            return [CosmicTextStreamEvent.End];
        }

        if (trimmed.StartsWith('{'))
        {
            return FromChunk(eventName, trimmed);
        }

        return eventName switch
        {
            // A named event with plain (or JSON string) data.
            "text" => [CosmicTextStreamEvent.Fragment(trimmed.StartsWith('"') ? ParseString(trimmed) : data)],
            "error" => [CosmicTextStreamEvent.ForError(trimmed.StartsWith('"') ? ParseString(trimmed) : data)],
            "end" => [CosmicTextStreamEvent.End],
            "usage" => throw Malformed("a usage event without a JSON object"),
            null when trimmed.Length == 0 => [],
            null => throw Malformed("an event whose data is not a JSON chunk"),
            _ => [], // Unknown named events are ignored, as SSE clients do.
        };
    }

    private static List<CosmicTextStreamEvent> FromChunk(string? eventName, string json)
    {
        var events = new List<CosmicTextStreamEvent>(2);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("event", out var named) && named.ValueKind == JsonValueKind.String)
            {
                // The SDK's envelope: {"event": "end", "data": {...}}.
                eventName = named.GetString();
                if (root.TryGetProperty("data", out var payload))
                {
                    return FromNamed(eventName, payload, events);
                }
            }
            else if (eventName is "text" or "usage" or "token_count" or "error" or "end")
            {
                // An SSE "event:" line names what the JSON data is.
                return FromNamed(eventName, root, events);
            }

            if (root.TryGetProperty("text", out var text) && text.ValueKind != JsonValueKind.Null)
            {
                events.Add(CosmicTextStreamEvent.Fragment(text.ValueKind == JsonValueKind.String ? text.GetString()! : throw Malformed("a text that is not a string")));
            }

            // "token_count" is the SDK's wire name of the usage event.
            if ((root.TryGetProperty("usage", out var usage) || root.TryGetProperty("token_count", out usage)) && usage.ValueKind != JsonValueKind.Null)
            {
                events.Add(CosmicTextStreamEvent.ForUsage(ParseUsage(usage)));
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind is not (JsonValueKind.Null or JsonValueKind.False))
            {
                events.Add(CosmicTextStreamEvent.ForError(ErrorMessage(error)));
                return events;
            }

            var ended = root.TryGetProperty("end", out var end) && end.ValueKind == JsonValueKind.True;
            if (ended)
            {
                events.Add(CosmicTextStreamEvent.End);
            }
        }
        catch (JsonException ex)
        {
            throw Malformed($"an event that is not valid JSON ({ex.Message})", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw Malformed($"an event with mistyped fields ({ex.Message})", ex);
        }

        return events;
    }

    private static List<CosmicTextStreamEvent> FromNamed(string? eventName, JsonElement payload, List<CosmicTextStreamEvent> events)
    {
        switch (eventName)
        {
            case "text":
                events.Add(CosmicTextStreamEvent.Fragment(payload.ValueKind == JsonValueKind.String
                    ? payload.GetString()!
                    : payload.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw Malformed("a text event without text")));
                break;
            case "usage" or "token_count":
                events.Add(CosmicTextStreamEvent.ForUsage(ParseUsage(payload)));
                break;
            case "error":
                events.Add(CosmicTextStreamEvent.ForError(ErrorMessage(payload)));
                break;
            case "end":
                // The end event repeats the whole text and usage; the fragments and usage event already carried them.
                events.Add(CosmicTextStreamEvent.End);
                break;
        }

        return events;
    }

    private static CosmicUsage ParseUsage(JsonElement usage) =>
        usage.Deserialize(CosmicJsonContext.Default.CosmicUsage) ?? throw Malformed("an empty usage");

    private static string ErrorMessage(JsonElement error) => error.ValueKind switch
    {
        JsonValueKind.String => error.GetString()!,
        JsonValueKind.Object when error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String => m.GetString()!,
        JsonValueKind.Object when error.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String => e.GetString()!,
        _ => error.GetRawText(),
    };

    private static string ParseString(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(json, CosmicJsonContext.Default.String) ?? "";
        }
        catch (JsonException ex)
        {
            throw Malformed("a string event that is not valid JSON", ex);
        }
    }

    private static ProviderException Malformed(string what, Exception? inner = null) =>
        new(ProviderName.Cosmic, ProviderErrorType.MalformedResponse, $"Cosmic's text stream sent {what}.", innerException: inner);
}
