namespace MediaGen.Core.Providers.Pixazo;

/// <summary>
/// Pixazo's NVIDIA Cosmos 3 Super: submit text-to-image or image-to-video (answered at once with a request id),
/// then poll the status or receive it at the <c>X-Webhook-URL</c>. Requests are validated before they are sent.
/// </summary>
public class PixazoClient
{
    private static readonly PixazoTextToImageRequestValidator TextToImageValidator = new();
    private static readonly PixazoImageToVideoRequestValidator ImageToVideoValidator = new();

    private readonly HttpClient _http;
    private readonly PixazoClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _baseUrl;

    /// <summary>Creates a client over <paramref name="httpClient"/> (which should carry the <see cref="ProviderResilience"/> handler).</summary>
    /// <exception cref="ArgumentException">The options fail their start-up checks.</exception>
    public PixazoClient(HttpClient httpClient, PixazoClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ProviderOptionsChecks.ThrowIfInvalid(new PixazoClientOptionsValidator(), options);

        _http = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _baseUrl = ProviderOptionsChecks.WithTrailingSlash(options.BaseUrl);
    }

    /// <summary>
    /// Submits a text-to-image request; answers with its id and status (QUEUED, or COMPLETED in sync mode).
    /// Only failures that prove nothing was queued (429, 503, connection refused) are retried, so a submit never buys twice.
    /// </summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Pixazo refused the request (400, 401, 402, 403, 429, 5xx) or answered unreadably.</exception>
    public virtual Task<PixazoRequestStatus> SubmitTextToImageAsync(PixazoTextToImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(TextToImageValidator.Validate(request));
        return SubmitAsync(PixazoCatalog.TextToImagePath, request, PixazoJsonContext.Default.PixazoTextToImageRequest, request.WebhookUrl, cancellationToken);
    }

    /// <summary>Submits an image-to-video request; retried like <see cref="SubmitTextToImageAsync"/>.</summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Pixazo refused the request (400, 401, 402, 403, 429, 5xx) or answered unreadably.</exception>
    public virtual Task<PixazoRequestStatus> SubmitImageToVideoAsync(PixazoImageToVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(ImageToVideoValidator.Validate(request));
        return SubmitAsync(PixazoCatalog.ImageToVideoPath, request, PixazoJsonContext.Default.PixazoImageToVideoRequest, request.WebhookUrl, cancellationToken);
    }

    /// <summary>
    /// Reads a request's status (<c>GET /v2/requests/status/{id}</c> on the configured gateway). FAILED and ERROR are
    /// returned, not thrown: see <see cref="PixazoRequestStatus.ToProviderException"/>.
    /// </summary>
    /// <exception cref="ProviderException">Pixazo failed or answered unreadably.</exception>
    public virtual async Task<PixazoRequestStatus> GetStatusAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        using var request = CreateRequest(HttpMethod.Get, PixazoCatalog.StatusPath + Uri.EscapeDataString(requestId));
        ProviderRequestPolicy.Apply(request, _options.Timeout, bufferResponse: true);
        return await ReadStatusAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PixazoRequestStatus> SubmitAsync<T>(string path, T body, JsonTypeInfo<T> bodyType, string? webhookUrl, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Post, path);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = content;
        if (webhookUrl is not null)
        {
            request.Headers.TryAddWithoutValidation(PixazoCatalog.WebhookHeader, webhookUrl);
        }

        ProviderRequestPolicy.Apply(request, _options.Timeout, bufferResponse: true, retryAmbiguousFailures: false);
        return await ReadStatusAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PixazoRequestStatus> ReadStatusAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await ProviderHttp.SendAsync(_http, request, ProviderName.Pixazo, _timeProvider, cancellationToken).ConfigureAwait(false);
        var status = await ProviderHttp.ReadJsonAsync(response, PixazoJsonContext.Default.PixazoRequestStatus, ProviderName.Pixazo, cancellationToken).ConfigureAwait(false);
        return PixazoRequestStatus.Checked(status);
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path)
    {
        if (SecretValue.Problem(PixazoClientOptions.SubscriptionKeySetting, _options.SubscriptionKey) is { } problem)
        {
            throw new ProviderException(ProviderName.Pixazo, ProviderErrorType.NotConfigured, $"Pixazo is not configured: {problem}. Nothing was sent.");
        }

        var request = new HttpRequestMessage(method, new Uri(_baseUrl, path));
        request.Headers.TryAddWithoutValidation(PixazoCatalog.SubscriptionKeyHeader, _options.SubscriptionKey);
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        return request;
    }
}
