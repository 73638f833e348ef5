namespace MediaGen.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class ApiKeyTests(HostEnvironment env, SharedHost shared) : IClassFixture<SharedHost>
{
    public static TheoryData<string, string> ProtectedRoutes() => new()
    {
        { "POST", "/api/jobs" },
        { "GET", "/api/jobs" },
        { "GET", "/api/jobs/job-1" },
        { "POST", "/api/jobs/job-1/cancel" },
        { "POST", "/api/batches" },
        { "GET", "/api/batches/batch-1" },
        { "POST", "/api/chains" },
        { "POST", "/api/text/stream" },
        { "GET", "/api/budgets" },
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task ProtectedRoute_NoKey_Returns401ProblemDetails(string method, string path)
    {
        var host = await shared.GetAsync(env);

        using var response = await host.Anonymous.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task ProtectedRoute_WrongKey_Returns401(string method, string path)
    {
        var host = await shared.GetAsync(env);
        using var request = Request(method, path);
        request.Headers.Add("x-functions-key", HostEnvironment.ApiKey + "x");

        using var response = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListJobs_KeyInCodeQuery_Returns200()
    {
        var host = await shared.GetAsync(env);

        using var response = await host.Anonymous.GetAsync(new Uri("/api/jobs?code=" + HostEnvironment.ApiKey, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartJob_NoKey_StartsNothing()
    {
        var host = await shared.GetAsync(env);

        using var response = await host.Anonymous.SendAsync(Request("POST", "/api/jobs"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"jobs\":[]", await host.Api.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/health/live")]
    [InlineData("/openapi/v1.json")]
    public async Task OpenRoute_NoKey_Returns200(string path)
    {
        var host = await shared.GetAsync(env);

        // Readiness (/api/health) answers 503 until the engine has created its task hub, which a loaded machine reaches
        // a little after the host answers: wait for that event (bounded), then the open route must answer 200 without a key.
        using var response = await Waits.ForAsync(
            async () =>
            {
                var answer = await host.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
                if (answer.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return answer;
                }

                answer.Dispose();
                return null;
            },
            $"{path} to answer other than 503");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST"
            ? new StringContent("""{"kind":"image","provider":"cosmic","params":{"prompt":"unauthorized"}}""", Encoding.UTF8, "application/json")
            : null,
    };
}
