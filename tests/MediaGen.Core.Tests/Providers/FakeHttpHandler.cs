namespace MediaGen.Core.Tests.Providers;

/// <summary>A test double at the HTTP boundary: answers requests from a script and records what was sent.</summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _fallback;

    /// <summary>Every request sent, with its body read at send time.</summary>
    public List<RecordedRequest> Requests { get; } = [];

    public FakeHttpHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public FakeHttpHandler Then(HttpStatusCode status, string body, string contentType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public FakeHttpHandler ThenJson(string body) => Then(HttpStatusCode.OK, body);

    /// <summary>Answers every request not covered by the script.</summary>
    public FakeHttpHandler Always(HttpStatusCode status, string body, string contentType = "application/json")
    {
        _fallback = (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body, request.Content?.Headers.ContentType?.MediaType));
        var respond = _script.Count > 0 ? _script.Dequeue() : _fallback ?? throw new InvalidOperationException($"No scripted response for request {Requests.Count}.");
        return await respond(request, cancellationToken);
    }

    public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType);
}
