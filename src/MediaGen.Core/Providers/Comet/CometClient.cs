namespace MediaGen.Core.Providers.Comet;

/// <summary>
/// CometAPI's OpenAI-compatible image generation. <c>b64_json</c> images are decoded in bounded chunks while the
/// response is read and handed out as streams; requests are validated before they are sent.
/// </summary>
public class CometClient
{
    private const string GenerationsPath = "v1/images/generations";
    private static readonly CometImageRequestValidator Validator = new();

    private readonly HttpClient _http;
    private readonly CometClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _baseUrl;
    private readonly Func<int, Stream> _openSpool;

    /// <summary>Creates a client over <paramref name="httpClient"/> (which should carry the <see cref="ProviderResilience"/> handler).</summary>
    /// <exception cref="ArgumentException">The options fail their start-up checks.</exception>
    public CometClient(HttpClient httpClient, CometClientOptions options, TimeProvider? timeProvider = null)
        : this(httpClient, options, timeProvider, OpenTempFile)
    {
    }

    internal CometClient(HttpClient httpClient, CometClientOptions options, TimeProvider? timeProvider, Func<int, Stream> openSpool)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ProviderOptionsChecks.ThrowIfInvalid(new CometClientOptionsValidator(), options);

        _http = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _baseUrl = ProviderOptionsChecks.WithTrailingSlash(options.BaseUrl);
        _openSpool = openSpool;
    }

    /// <summary>Generates images. Dispose the result to delete spooled <c>b64_json</c> content.</summary>
    /// <exception cref="RequestValidationException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="ProviderException">CometAPI failed or answered with something unreadable.</exception>
    public virtual async Task<CometImageResult> CreateImagesAsync(CometImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidationException.ThrowIfAny(Validator.Validate(request));
        if (SecretValue.Problem(CometClientOptions.ApiKeySetting, _options.ApiKey) is { } problem)
        {
            throw new ProviderException(ProviderName.Comet, ProviderErrorType.NotConfigured, $"CometAPI is not configured: {problem}. Nothing was sent.");
        }

        using var message = ProviderHttp.JsonPost(new Uri(_baseUrl, GenerationsPath), request, CometJsonContext.Default.CometImageRequest);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        // The body is not buffered by the resilience handler: it may be megabytes of base64, read below in chunks.
        ProviderRequestPolicy.Apply(message, _options.Timeout, bufferResponse: false);
        using var response = await ProviderHttp.SendAsync(_http, message, ProviderName.Comet, _timeProvider, cancellationToken).ConfigureAwait(false);
        ProviderHttp.EnsureJson(response, ProviderName.Comet);

        using var bodyDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bodyDeadline.CancelAfter(_options.Timeout);
        CometResponseSpooler spooled;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(bodyDeadline.Token).ConfigureAwait(false);
            spooled = await CometResponseSpooler.SpoolAsync(body, _openSpool, bodyDeadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderName.Comet, ProviderErrorType.Timeout, $"CometAPI's response body did not arrive within {_options.Timeout}.", response.StatusCode, innerException: ex);
        }
        catch (FormatException ex)
        {
            throw ProviderHttp.Malformed(ProviderName.Comet, response, ex.Message, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ProviderException(ProviderName.Comet, ProviderErrorType.ProviderUnavailable, $"CometAPI broke off the response: {ex.Message}", response.StatusCode, innerException: ex);
        }

        try
        {
            return Build(spooled, response);
        }
        catch (Exception ex) when (ex is JsonException or ProviderException or ArgumentOutOfRangeException)
        {
            await spooled.DisposeSinksAsync().ConfigureAwait(false);
            throw ex as ProviderException ?? ProviderHttp.Malformed(ProviderName.Comet, response, ex.Message, ex);
        }
    }

    private static CometImageResult Build(CometResponseSpooler spooled, HttpResponseMessage response)
    {
        var wire = JsonSerializer.Deserialize(spooled.Structure.Span, CometJsonContext.Default.CometImagesWireResponse)
            ?? throw ProviderHttp.Malformed(ProviderName.Comet, response, "the body is JSON null");
        var used = new bool[spooled.Sinks.Count];
        var images = new List<CometGeneratedImage>(wire.Data.Count);
        for (var i = 0; i < wire.Data.Count; i++)
        {
            var item = wire.Data[i] ?? throw ProviderHttp.Malformed(ProviderName.Comet, response, $"data[{i}] is null");
            Stream? content = null;
            if (item.B64Json is { } reference)
            {
                if (!reference.StartsWith('#') || !int.TryParse(reference.AsSpan(1), out var index) || index >= used.Length || used[index])
                {
                    throw ProviderHttp.Malformed(ProviderName.Comet, response, $"data[{i}].b64_json is not a base64 string");
                }

                used[index] = true;
                content = spooled.Sinks[index];
            }

            if (item.Url is null && content is null)
            {
                throw ProviderHttp.Malformed(ProviderName.Comet, response, $"data[{i}] has neither url nor b64_json");
            }

            images.Add(new CometGeneratedImage(item.Url, content, item.RevisedPrompt));
        }

        // A b64_json outside data[] is not an image of this result; release it now.
        for (var i = 0; i < used.Length; i++)
        {
            if (!used[i])
            {
                spooled.Sinks[i].Dispose();
            }
        }

        return new CometImageResult(DateTimeOffset.FromUnixTimeSeconds(wire.Created), images);
    }

    private static FileStream OpenTempFile(int index) => new(
        Path.Combine(Path.GetTempPath(), $"mediagen-comet-{Guid.NewGuid():N}-{index}.bin"),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        bufferSize: 64 * 1024,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
