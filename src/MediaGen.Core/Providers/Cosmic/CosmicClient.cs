using System.Runtime.CompilerServices;

namespace MediaGen.Core.Providers.Cosmic;

/// <summary>
/// Cosmic AI: text (whole or streamed), image, video, video extension and speech, stored in the bucket's media library.
/// Every request is validated before it is sent; provider failures are <see cref="ProviderException"/>s.
/// </summary>
public class CosmicClient
{
    private static readonly CosmicTextRequestValidator TextValidator = new();
    private static readonly CosmicImageRequestValidator ImageValidator = new();
    private static readonly CosmicVideoRequestValidator VideoValidator = new();
    private static readonly CosmicVideoExtensionRequestValidator ExtensionValidator = new();
    private static readonly CosmicAudioRequestValidator AudioValidator = new();

    private readonly HttpClient _http;
    private readonly CosmicClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _baseUrl;

    /// <summary>Creates a client over <paramref name="httpClient"/> (which should carry the <see cref="ProviderResilience"/> handler).</summary>
    /// <exception cref="ArgumentException">The options fail their start-up checks.</exception>
    public CosmicClient(HttpClient httpClient, CosmicClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ProviderOptionsChecks.ThrowIfInvalid(new CosmicClientOptionsValidator(), options);

        _http = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _baseUrl = ProviderOptionsChecks.WithTrailingSlash(options.BaseUrl);
    }

    /// <summary>Generates text from a prompt or a chat history.</summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Cosmic failed or answered with something unreadable.</exception>
    public virtual Task<CosmicTextResponse> GenerateTextAsync(CosmicTextRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(TextValidator.Validate(request));
        return PostAsync("ai/text", request, CosmicJsonContext.Default.CosmicTextRequest, CosmicJsonContext.Default.CosmicTextResponse, _options.Timeout, true, cancellationToken);
    }

    /// <summary>
    /// Generates text as a stream (<c>stream: true</c>): fragments as they are produced, then usage, then the end — or an
    /// error event, which ends the stream. The response is read incrementally, never buffered whole.
    /// </summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Cosmic refused the request, or the stream broke off or was unreadable (thrown while enumerating).</exception>
    public virtual IAsyncEnumerable<CosmicTextStreamEvent> StreamTextAsync(CosmicTextRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(TextValidator.Validate(request));
        return StreamCoreAsync(CosmicStreamingTextRequest.From(request), cancellationToken);
    }

    /// <summary>Generates an image into the media library.</summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Cosmic failed or answered with something unreadable.</exception>
    public virtual Task<CosmicImageResponse> GenerateImageAsync(CosmicImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(ImageValidator.Validate(request));
        return PostAsync("ai/image", request, CosmicJsonContext.Default.CosmicImageRequest, CosmicJsonContext.Default.CosmicImageResponse, _options.Timeout, true, cancellationToken);
    }

    /// <summary>
    /// Generates a Veo video into the media library; waits the 30–180 s it takes (per attempt up to <see cref="CosmicClientOptions.VideoTimeout"/>).
    /// Only failures that prove nothing was generated (429, 503, connection refused) are retried: a silent second video costs up to 768,000 tokens.
    /// A refused prompt ("No videos generated") is a <see cref="ProviderErrorType.ContentPolicy"/> failure.
    /// </summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Cosmic failed or answered with something unreadable.</exception>
    public virtual Task<CosmicVideoResponse> GenerateVideoAsync(CosmicVideoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(VideoValidator.Validate(request));
        return PostAsync("ai/video", request, CosmicJsonContext.Default.CosmicVideoRequest, CosmicJsonContext.Default.CosmicVideoResponse, _options.VideoTimeout, false, cancellationToken);
    }

    /// <summary>Extends a Veo video by 8 seconds at 720p; retried like <see cref="GenerateVideoAsync"/>.</summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Cosmic failed or answered with something unreadable.</exception>
    public virtual Task<CosmicVideoExtensionResponse> ExtendVideoAsync(CosmicVideoExtensionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(ExtensionValidator.Validate(request));
        return PostAsync("ai/video/extend", request, CosmicJsonContext.Default.CosmicVideoExtensionRequest, CosmicJsonContext.Default.CosmicVideoExtensionResponse, _options.VideoTimeout, false, cancellationToken);
    }

    /// <summary>Converts text to speech (MP3) into the media library.</summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">Cosmic failed or answered with something unreadable.</exception>
    public virtual Task<CosmicAudioResponse> GenerateAudioAsync(CosmicAudioRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(AudioValidator.Validate(request));
        return PostAsync("ai/audio", request, CosmicJsonContext.Default.CosmicAudioRequest, CosmicJsonContext.Default.CosmicAudioResponse, _options.Timeout, true, cancellationToken);
    }

    private async Task<TResponse> PostAsync<TRequest, TResponse>(
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        TimeSpan attemptTimeout,
        bool retryAmbiguousFailures,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = CreateRequest(path, body, requestType);
        ProviderRequestPolicy.Apply(request, attemptTimeout, bufferResponse: true, retryAmbiguousFailures);
        using var response = await ProviderHttp.SendAsync(_http, request, ProviderName.Cosmic, _timeProvider, cancellationToken).ConfigureAwait(false);
        return await ProviderHttp.ReadJsonAsync(response, responseType, ProviderName.Cosmic, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<CosmicTextStreamEvent> StreamCoreAsync(CosmicStreamingTextRequest body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = CreateRequest("ai/text", body, CosmicJsonContext.Default.CosmicStreamingTextRequest);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        // The attempt timeout covers waiting for the response headers; the stream itself may run as long as the text does.
        ProviderRequestPolicy.Apply(request, _options.Timeout, bufferResponse: false);
        using var response = await ProviderHttp.SendAsync(_http, request, ProviderName.Cosmic, _timeProvider, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw ProviderHttp.Malformed(ProviderName.Cosmic, response, $"expected text/event-stream, got {mediaType}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var streamEvent in CosmicSseReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return streamEvent;
        }
    }

    private HttpRequestMessage CreateRequest<T>(string path, T body, JsonTypeInfo<T> bodyType)
    {
        var problem = string.IsNullOrWhiteSpace(_options.BucketSlug)
            ? "Cosmic__BucketSlug is not set"
            : SecretValue.Problem(CosmicClientOptions.WriteKeySetting, _options.WriteKey);
        if (problem is not null)
        {
            throw new ProviderException(ProviderName.Cosmic, ProviderErrorType.NotConfigured, $"Cosmic is not configured: {problem}. Nothing was sent.");
        }

        var uri = new Uri(_baseUrl, $"v3/buckets/{Uri.EscapeDataString(_options.BucketSlug)}/{path}");
        var request = ProviderHttp.JsonPost(uri, body, bodyType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.WriteKey);
        return request;
    }
}
