using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MediaGen.Bench.Drives;

/// <summary>
/// The host's HTTP API as a caller uses it (API key in <c>x-functions-key</c>). Calls made while the host is down (killed
/// and not yet back) are retried for up to two minutes, as a caller with retries would.
/// </summary>
public sealed class DriveApi(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private int _serverErrors;

    /// <summary>How many 5xx answers the API gave (retried; none is expected).</summary>
    public int ServerErrors => Volatile.Read(ref _serverErrors);

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
