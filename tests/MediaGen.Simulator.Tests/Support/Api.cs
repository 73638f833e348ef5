using System.Net.Http.Headers;
using System.Text.Json;

namespace MediaGen.Simulator.Tests.Support;

/// <summary>Builds provider requests against the simulator the way each provider documents them.</summary>
internal static class Api
{
    public const string Slug = SimulatorFixture.BucketSlug;
    public const string Key = SimulatorFixture.ApiKey;

    public static string Cosmic(string operation) => $"/v3/buckets/{Slug}/ai/{operation}";

    public const string PixazoTextToImage = "/cosmos-3-super-text-to-image/v1/cosmos-3-super-text-to-image-request";
    public const string PixazoImageToVideo = "/cosmos-3-super-image-to-video/v1/cosmos-3-super-image-to-video-request";
    public const string CometImages = "/v1/images/generations";

    public static string PixazoStatus(string requestId) => $"/v2/requests/status/{requestId}";

    /// <summary>A unique prompt, so counters and <c>*N</c> directives of one test never see another's calls.</summary>
    public static string Prompt(string text = "A lighthouse on a cliff") => $"{text} #{Guid.NewGuid():N}";

    public static Task<HttpResponseMessage> PostCosmicAsync(this HttpClient client, string operation, object body, string? key = Key) =>
        client.SendAsync(Json(HttpMethod.Post, Cosmic(operation), body, r => Bearer(r, key)));

    public static Task<HttpResponseMessage> PostPixazoAsync(this HttpClient client, string path, object body, string? key = Key, Uri? webhook = null) =>
        client.SendAsync(Json(HttpMethod.Post, path, body, r =>
        {
            if (key is not null)
            {
                r.Headers.Add("Ocp-Apim-Subscription-Key", key);
            }

            r.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            if (webhook is not null)
            {
                r.Headers.Add("X-Webhook-URL", webhook.AbsoluteUri);
            }
        }));

    public static Task<HttpResponseMessage> GetPixazoStatusAsync(this HttpClient client, string requestId, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, PixazoStatus(requestId));
        if (key is not null)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", key);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostCometAsync(this HttpClient client, object body, string? key = Key) =>
        client.SendAsync(Json(HttpMethod.Post, CometImages, body, r => Bearer(r, key)));

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Submits a Pixazo request and polls until a final state; returns every status seen, in order, and the last body.</summary>
    public static async Task<(List<string> Seen, JsonObject Final)> PollUntilFinalAsync(this HttpClient client, string requestId)
    {
        var seen = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await client.GetPixazoStatusAsync(requestId);
            response.EnsureSuccessStatusCode();
            var body = await response.JsonAsync();
            var status = (string)body["status"]!;
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }

            if (status is "COMPLETED" or "FAILED" or "ERROR")
            {
                return (seen, body);
            }

            // Samples the status sequence (QUEUED, PROCESSING…) the test asserts, so faster than Waits' pace: each phase lasts ~50 ms.
            await Task.Delay(20, deadline.Token);
        }
    }

    public static async Task<string> SubmitPixazoAsync(this HttpClient client, string prompt, string path = PixazoTextToImage, Uri? webhook = null)
    {
        object body = path == PixazoTextToImage
            ? new { prompt }
            : new { prompt, image_url = "https://example.com/first-frame.jpg" };
        using var response = await client.PostPixazoAsync(path, body, webhook: webhook);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.JsonAsync())["request_id"]!;
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, object body, Action<HttpRequestMessage> headers)
    {
        var text = body as string ?? JsonSerializer.Serialize(body);
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        headers(request);
        return request;
    }

    private static void Bearer(HttpRequestMessage request, string? key)
    {
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }
}
