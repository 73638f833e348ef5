using System.Net;
using System.Text;

namespace MediaGen.Drives;

/// <summary>
/// The host's HTTP API as a caller uses it (API key in <c>x-functions-key</c>). Calls made while the host is down (killed
/// and not yet back) are retried for up to two minutes, as a caller with retries would; a 429 of the per-key rate limit
/// (<c>Api__RateLimit__*</c>; the checks of a 500-item drive make more than 100 requests in 10 s) is retried after its
/// <c>Retry-After</c>, as a well-behaved caller does.
/// </summary>
public sealed class DriveApi(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private int _serverErrors;
    private int _rateLimited;

    /// <summary>How many 5xx answers the API gave (retried; none is expected).</summary>
    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>How many 429 answers of the rate limit were waited out and retried.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/>; the status and the JSON answer.</summary>
    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            return request;
        }, cancellationToken);

    /// <summary>GETs <paramref name="path"/>; the status and the JSON answer.</summary>
    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            request.Headers.Add("x-functions-key", apiKey);
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode >= 500 && attempt < 300)
                {
                    // A host starting up or shutting down; the drives count 5xx answers apart (none is expected).
                    Interlocked.Increment(ref _serverErrors);
                    await Task.Delay(200, cancellationToken);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 300)
                {
                    Interlocked.Increment(ref _rateLimited);
                    var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    await Task.Delay(wait < TimeSpan.FromSeconds(30) ? wait : TimeSpan.FromSeconds(30), cancellationToken);
                    continue;
                }

                return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
            }
            catch (HttpRequestException) when (attempt < 600)
            {
                // The host is down (killed, not restarted yet).
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && attempt < 600)
            {
                // Killed mid-request.
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
