namespace MediaGen.Core.Media;

/// <summary>
/// GETs source URLs for <see cref="MediaStore"/>: every connection goes through <see cref="OutboundUrlGuard.ConnectAsync"/>,
/// redirects are followed by hand (each target re-checked, at most <see cref="MediaStoreOptions.MaxRedirects"/>),
/// no proxy (a proxy would make the address check judge the proxy instead of the source), no decompression.
/// </summary>
internal sealed class MediaSourceClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly OutboundUrlGuard _guard;
    private readonly MediaStoreOptions _options;

    public MediaSourceClient(OutboundUrlGuard guard, MediaStoreOptions options)
    {
        _guard = guard;
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = guard.ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("MediaGen-MediaStore/1.0");
    }

    /// <summary>The successful response (headers read, body not yet) after following redirects.</summary>
    /// <exception cref="MediaCopyException">Blocked URL or redirect, error status, too many redirects, unreachable or silent source.</exception>
    public async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (_guard.Check(current) is { } reason)
            {
                throw new MediaCopyException(MediaCopyErrorKind.BlockedUrl, redirects == 0
                    ? $"Refused to fetch {MediaCopyException.Redact(current)}: {reason}."
                    : $"Refused to follow the redirect from {MediaCopyException.Redact(url)} to {MediaCopyException.Redact(current)}: {reason}.");
            }

            var response = await SendAsync(current, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (redirects >= _options.MaxRedirects)
                {
                    throw new MediaCopyException(MediaCopyErrorKind.SourceFailed,
                        $"{MediaCopyException.Redact(url)} redirected more than {_options.MaxRedirects} times.");
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var phrase = response.ReasonPhrase;
                response.Dispose();
                throw new MediaCopyException(MediaCopyErrorKind.SourceFailed,
                    $"{MediaCopyException.Redact(current)} answered {status} ({phrase}).",
                    sourceStatus: status, isTransient: status is 408 or 429 or >= 500);
            }

            return response;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var headersDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headersDeadline.CancelAfter(_options.IdleTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersDeadline.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (BlockedCause(ex) is { } blocked)
        {
            throw new MediaCopyException(MediaCopyErrorKind.BlockedUrl, $"Refused to fetch {MediaCopyException.Redact(url)}: {blocked.Message}", innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MediaCopyException(MediaCopyErrorKind.SourceFailed,
                $"Could not get {MediaCopyException.Redact(url)}: {ex.Message}", isTransient: true, innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaCopyException(MediaCopyErrorKind.SourceFailed,
                $"{MediaCopyException.Redact(url)} did not answer within {_options.IdleTimeout.TotalSeconds:0.#} s.", isTransient: true, innerException: ex);
        }
    }

    private static MediaCopyException? BlockedCause(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is MediaCopyException { Kind: MediaCopyErrorKind.BlockedUrl } blocked)
            {
                return blocked;
            }
        }

        return null;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
