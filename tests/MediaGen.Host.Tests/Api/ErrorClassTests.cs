using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Api;

/// <summary>Every error class on every body-taking route: a 400 naming the field, never a 500, nothing started (the size cap: <see cref="LimitsTests"/>).</summary>
[Collection(HostCollection.Name)]
public sealed class ErrorClassTests(HostEnvironment env, SharedHost shared) : IClassFixture<SharedHost>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        string[] routes = ["/api/jobs", "/api/batches", "/api/chains", "/api/text/stream"];
        foreach (var route in routes)
        {
            data.Add(route, """{"kind": "image", """, "$");                       // bad JSON
            data.Add(route, "[1, 2]", "$");                                        // not an object
        }

        data.Add("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"colour":"red"}""", "colour");
        data.Add("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"x","bogus":1}}""", "params.bogus");
        data.Add("/api/jobs", """{"kind":"image","provider":"pixazo","params":{"prompt":"x","num_inference_steps":500}}""", "params.num_inference_steps");
        data.Add("/api/jobs", """{"kind":"audio","provider":"comet","params":{"prompt":"x"}}""", "kind");
        data.Add("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"callbackUrl":"ftp://x"}""", "callbackUrl");
        data.Add("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"deadline":"2001-01-01T00:00:00Z"}""", "deadline");
        data.Add("/api/batches", """{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":""}}]}""", "items[0].params.prompt");
        data.Add("/api/batches", """{"items":[],"extra":true}""", "extra");
        data.Add("/api/chains", """{"mediaId":"m1","prompts":[],"speed":2}""", "speed");
        data.Add("/api/text/stream", """{"prompt":"x","temperature":1}""", "temperature");
        data.Add("/api/text/stream", """{"prompt":"x","max_tokens":0}""", "max_tokens");
        data.Add("/api/text/stream", """{"messages":[{"role":"robot","content":"hi"}]}""", "messages[0].role");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_InvalidBody_Returns400NamingFieldAndStartsNothing(string route, string body, string field)
    {
        var host = await shared.GetAsync(env);
        var before = (await env.Simulator.GetRequestsAsync()).Total;

        using var response = await host.Api.PostAsync(new Uri(route, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.InvalidAsync(response, field);
        var page = await ListAsync(host);
        Assert.Empty(page.Jobs);
        Assert.Equal(before, (await env.Simulator.GetRequestsAsync()).Total);
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415ProblemDetails()
    {
        var host = await shared.GetAsync(env);

        using var response = await host.Api.PostAsync(new Uri("/api/jobs", UriKind.Relative), new StringContent("kind=image", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await ListAsync(host)).Jobs);
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400()
    {
        var host = await shared.GetAsync(env);

        using var response = await host.Api.PostAsync(new Uri("/api/jobs", UriKind.Relative), new StringContent("", Encoding.UTF8, "application/json"));

        await ProblemAssert.InvalidAsync(response, "$");
    }

    [Fact]
    public async Task Post_OversizedChunkedBody_Returns413WithoutReadingItAll()
    {
        var host = await shared.GetAsync(env);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"kind\":\"" + new string('x', HostEnvironment.MaxBodyBytes * 4) + "\"}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Api.SendAsync(request);

        await ProblemAssert.TooLargeAsync(response, HostEnvironment.MaxBodyBytes);
    }

    [Fact]
    public async Task StartJob_StorageRefusesUnexpectedly_Returns500ProblemDetailsWithoutInternals()
    {
        await using var host = await env.StartHostAsync(configureServices: FlakyDurableClient.Install(failures: -1, status: 400));

        using var response = await host.PostJsonAsync("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"500"}}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertProblemWithoutInternals(response, body);
    }

    [Fact]
    public async Task StartJob_StorageUnavailable_Returns503WithRetryAfterAndStartsNothing()
    {
        await using var host = await env.StartHostAsync(configureServices: FlakyDurableClient.Install(failures: -1));

        using var response = await host.PostJsonAsync("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"503"}}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        AssertProblemWithoutInternals(response, body);
        Assert.Empty((await ListAsync(host)).Jobs);
    }

    private static void AssertProblemWithoutInternals(HttpResponseMessage response, string body)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("traceId", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FlakyDurableClient.Detail, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    private static async Task<JobPage> ListAsync(TestHost host)
    {
        using var response = await host.Api.GetAsync(new Uri("/api/jobs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JobPage>(response.Content, JobJson.Options))!;
    }
}
