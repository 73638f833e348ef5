namespace MediaGen.Core.Providers;

/// <summary>Turns a provider's non-success HTTP answer into a <see cref="ProviderException"/>.</summary>
internal static class ProviderErrorMapper
{
    // Error bodies are read for their message only; a provider that streams megabytes of HTML gets cut off.
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxMessageLength = 500;

    /// <summary>
    /// Reads the error body (bounded) and maps status and body to an error type. A provider that quotes the request's
    /// credentials back (<c>Incorrect API key provided: …</c>) has them replaced by <c>***</c> (<see cref="ProviderSecrets"/>):
    /// the message travels to job statuses, notifications and logs.
    /// </summary>
    public static async Task<ProviderException> FromResponseAsync(ProviderName provider, HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (rawCode, rawMessage) = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var secrets = ProviderSecrets.Of(response.RequestMessage);
        var code = Clip(ProviderSecrets.Redact(rawCode, secrets));
        var message = Clip(ProviderSecrets.Redact(rawMessage, secrets));
        var status = response.StatusCode;
        var type = Classify(provider, status, code, message);
        var retryAfter = ProviderResilience.RetryAfterOf(response, timeProvider);
        var text = new StringBuilder()
            .Append(provider).Append(" answered ").Append((int)status).Append(" (").Append(Snake(type)).Append(')');
        if (code is not null)
        {
            text.Append(": ").Append(code);
        }

        if (message is not null)
        {
            text.Append(code is null ? ": " : " — ").Append(message);
        }

        if (retryAfter is { } wait)
        {
            text.Append(". Retry after ").Append(wait.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append(" s");
        }

        return new ProviderException(provider, type, text.ToString(), status, code, message, retryAfter);
    }

    /// <summary>The error type of an HTTP status and provider message.</summary>
    public static ProviderErrorType Classify(ProviderName provider, HttpStatusCode status, string? code, string? message)
    {
        if (IsContentPolicy(provider, code, message))
        {
            return ProviderErrorType.ContentPolicy;
        }

        return (int)status switch
        {
            401 => ProviderErrorType.Unauthorized,
            402 => ProviderErrorType.InsufficientBalance,
            403 => ProviderErrorType.Forbidden,
            408 => ProviderErrorType.Timeout,
            429 => ProviderErrorType.RateLimited,
            >= 500 => ProviderErrorType.ProviderUnavailable,
            _ => ProviderErrorType.InvalidRequest,
        };
    }

    /// <summary>The snake_case name of an error type, as it appears in JSON.</summary>
    public static string Snake(ProviderErrorType type) => WireNames.Of(type);

    private static bool IsContentPolicy(ProviderName provider, string? code, string? message) =>
        ProviderRegistry.Module(provider).IsContentPolicyRefusal(code, message);

    /// <summary>Whether <paramref name="text"/> mentions <paramref name="value"/> (ignoring case).</summary>
    internal static bool Mentions(string? text, string value) => text?.Contains(value, StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<(string? Code, string? Message)> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            body = await ReadAtMostAsync(stream, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return (null, null);
        }

        if (body.Length == 0)
        {
            return (null, response.ReasonPhrase);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Extract(document.RootElement);
        }
        catch (JsonException)
        {
            // An HTML error page or a cut-off body: say what it was, not what it said.
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "unknown content type";
            return (null, $"non-JSON error body ({mediaType}, {body.Length} bytes)");
        }
    }

    private static (string? Code, string? Message) Extract(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.String)
        {
            return (null, root.GetString());
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        string? code = null;
        string? message = StringOf(root, "message") ?? StringOf(root, "detail");
        if (root.TryGetProperty("error", out var error))
        {
            switch (error.ValueKind)
            {
                case JsonValueKind.String:
                    // Pixazo: {"error": "Insufficient Balance", "message": "..."}; Cosmic may send only "error".
                    if (message is null)
                    {
                        message = error.GetString();
                    }
                    else
                    {
                        code = error.GetString();
                    }

                    break;
                case JsonValueKind.Object:
                    // OpenAI-compatible: {"error": {"message", "type", "code"}}.
                    message ??= StringOf(error, "message");
                    code = StringOf(error, "code") ?? StringOf(error, "type");
                    break;
            }
        }

        code ??= StringOf(root, "code") ?? StringOf(root, "error_code");
        return (code, message);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? Clip(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit];
        var total = 0;
        int read;
        while (total < limit && (read = await stream.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }
}
