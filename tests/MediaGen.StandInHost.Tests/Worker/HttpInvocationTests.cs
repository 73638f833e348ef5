namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// HTTP invocations as the Functions host runs them for the app's ASP.NET Core integration: the request proxied to the
/// worker's own endpoint with the invocation id, the worker's response copied back as is.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class HttpInvocationTests(WorkerFixture fixture)
{
    [Fact]
    public async Task InvokeAsync_HealthLive_AnswersTheWorkersResponse()
    {
        var (context, body) = Request("GET", "/api/health/live");

        var outcome = await fixture.Supervisor.InvokeAsync(Invocation("HealthLive", context), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body.Text);
        Assert.Equal("""{"status":"ok"}""", JsonSerializer.Serialize(json.RootElement));
    }

    [Fact]
    public async Task InvokeAsync_PostWithInvalidField_AnswersTheWorkers400NamingIt()
    {
        var (context, body) = Request("POST", "/api/text/stream", """{"prompt":"x","temperature":1}""");
        context.Request.Headers["x-functions-key"] = fixture.ApiKey;

        var outcome = await fixture.Supervisor.InvokeAsync(Invocation("StreamText", context), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("temperature", body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_WithoutApiKey_AnswersTheWorkers401()
    {
        var (context, _) = Request("POST", "/api/text/stream", """{"prompt":"Tell me about kites"}""");

        var outcome = await fixture.Supervisor.InvokeAsync(Invocation("StreamText", context), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_ServerSentEvents_ReachTheCallerWhileTheStreamIsStillOpen()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Cosmic = async cosmic =>
        {
            cosmic.Response.ContentType = "text/event-stream";
            await cosmic.Response.WriteAsync("data: {\"text\":\"kites-first\"}\n\n");
            await cosmic.Response.Body.FlushAsync();
            await release.Task.WaitAsync(Waits.HangGuard);
            await cosmic.Response.WriteAsync("data: {\"text\":\" kites-second\"}\n\n");
            await cosmic.Response.WriteAsync("data: {\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}\n\n");
            await cosmic.Response.WriteAsync("data: {\"end\":true}\n\n");
        };
        var (context, body) = Request("POST", "/api/text/stream", """{"prompt":"Tell me about kites"}""");
        context.Request.Headers["x-functions-key"] = fixture.ApiKey;

        var invocation = fixture.Supervisor.InvokeAsync(Invocation("StreamText", context), CancellationToken.None);
        // Cosmic holds the rest of its stream until the first fragment has come all the way through the worker.
        await body.WaitForAsync("kites-first");
        var beforeRelease = body.Text;
        release.SetResult();
        var outcome = await invocation.WaitAsync(Waits.HangGuard);

        Assert.DoesNotContain("kites-second", beforeRelease, StringComparison.Ordinal);
        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("text/event-stream", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("kites-second", body.Text, StringComparison.Ordinal);
    }

    private static FunctionInvocation Invocation(string function, HttpContext context) =>
        new(function, Guid.NewGuid().ToString(), [], new Dictionary<string, BindingValue>(), context);

    private static (DefaultHttpContext Context, ObservedResponseBody Body) Request(string method, string path, string? json = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        var body = new ObservedResponseBody();
        context.Response.Body = body;
        return (context, body);
    }
}
