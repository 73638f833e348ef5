using Polly.Timeout;

namespace MediaGen.Core.Providers;

/// <summary>Sending and reading shared by the provider clients: every failure leaves as a <see cref="ProviderException"/>.</summary>
internal static class ProviderHttp
{
    /// <summary>A POST with a JSON body (serialized to bytes, so retries can resend it).</summary>
    public static HttpRequestMessage JsonPost<T>(Uri uri, T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new("application/json");
        return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
    }

    /// <summary>
    /// Sends and returns a success response with its headers read (the body is the caller's to read and dispose);
    /// anything else becomes a <see cref="ProviderException"/>. Cancellation by the caller stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, ProviderName provider, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException or TimeoutException)
        {
            throw new ProviderException(provider, ProviderErrorType.Timeout, $"{provider} did not answer in time ({Describe(request)}).", innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(provider, ProviderErrorType.ProviderUnavailable, $"{provider} could not be reached ({Describe(request)}): {ex.HttpRequestError}.", innerException: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProviderErrorMapper.FromResponseAsync(provider, response, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a JSON success body; a body that is not the documented JSON is a <see cref="ProviderErrorType.MalformedResponse"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, ProviderName provider, CancellationToken cancellationToken)
        where T : class
    {
        EnsureJson(response, provider);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw Malformed(provider, response, "the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw Malformed(provider, response, ex.Message, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ProviderException(provider, ProviderErrorType.ProviderUnavailable, $"{provider} broke off the response: {ex.Message}", response.StatusCode, innerException: ex);
        }
    }

    /// <summary>A success response whose content type says it is not JSON (an HTML page from a proxy, say) is malformed.</summary>
    public static void EnsureJson(HttpResponseMessage response, ProviderName provider)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null
            && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed(provider, response, $"expected application/json, got {mediaType}");
        }
    }

    /// <summary>A <see cref="ProviderErrorType.MalformedResponse"/> failure.</summary>
    public static ProviderException Malformed(ProviderName provider, HttpResponseMessage? response, string reason, Exception? inner = null) =>
        new(provider, ProviderErrorType.MalformedResponse, $"{provider} answered with an unreadable response: {reason}", response?.StatusCode, innerException: inner);

    private static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.AbsolutePath}";
}
