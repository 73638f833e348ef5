namespace MediaGen.Host.Tests.Api;

/// <summary>
/// Issue 11.6: the request body cap (413 naming it), the batch size cap (400 naming <c>items</c> and the cap) and the
/// per-caller rate limit (429 with <c>Retry-After</c>; one caller's flood leaves the others served), on the real host.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LimitsTests(HostEnvironment env)
{
    private const string KeyA = "partner-a-key-0123456789";
    private const string KeyB = "partner-b-key-0123456789";

    [Theory]
    [InlineData("/api/jobs")]
    [InlineData("/api/batches")]
    [InlineData("/api/chains")]
    [InlineData("/api/text/stream")]
    public async Task Post_BodyOneByteOverCap_Returns413NamingTheCap(string route)
    {
        await using var host = await env.StartHostAsync();
        var before = (await env.Simulator.GetRequestsAsync()).Total;
        var body = "{}" + new string(' ', HostEnvironment.MaxBodyBytes - 1);

        using var response = await host.Api.PostAsync(new Uri(route, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.TooLargeAsync(response, HostEnvironment.MaxBodyBytes);
        Assert.Contains("\"jobs\":[]", await host.Api.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(before, (await env.Simulator.GetRequestsAsync()).Total);
    }

    [Fact]
    public async Task StartJob_BodyExactlyAtCap_IsRead()
    {
        await using var host = await env.StartHostAsync();
        var json = """{"kind":"image","provider":"cosmic","params":{"prompt":"at the cap"}}""";
        var body = json + new string(' ', HostEnvironment.MaxBodyBytes - json.Length);

        using var response = await host.Api.PostAsync(new Uri("/api/jobs", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task StartBatch_MoreItemsThanCap_Returns400NamingItemsAndTheCap()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["Workflows:BatchMaxItems"] = "3" });
        var item = """{"kind":"image","provider":"cosmic","params":{"prompt":"capped"}}""";

        using var over = await host.PostJsonAsync("/api/batches", $$"""{"items":[{{string.Join(",", Enumerable.Repeat(item, 4))}}]}""");
        using var at = await host.PostJsonAsync("/api/batches", $$"""{"items":[{{string.Join(",", Enumerable.Repeat(item, 3))}}]}""");

        var problem = await ProblemAssert.InvalidAsync(over, "items");
        var message = problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "items").GetProperty("message").GetString();
        Assert.Contains("1–3", message, StringComparison.Ordinal);
        Assert.Contains("Workflows__BatchMaxItems", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, at.StatusCode);
    }

    [Fact]
    public async Task Flood_FromOneKey_Gets429WithRetryAfterWhileOtherKeysAreServed()
    {
        // A window far longer than the test, so the count cannot reset while it runs.
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Api:Keys:partner-a"] = KeyA,
            ["Api:Keys:partner-b"] = KeyB,
            ["Api:RateLimit:PermitLimit"] = "5",
            ["Api:RateLimit:Window"] = "00:10:00",
        });

        var flood = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ListAsync(host, KeyA)));
        var otherCaller = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ListAsync(host, KeyB)));
        var defaultKey = await ListAsync(host, HostEnvironment.ApiKey);
        var keyInQuery = await ListAsync(host, KeyB, inQuery: true);
        var stillRefused = await ListAsync(host, KeyA);

        Assert.Equal(5, flood.Count(r => r.Status == HttpStatusCode.OK));
        var refused = flood.Where(r => r.Status != HttpStatusCode.OK).ToList();
        Assert.Equal(25, refused.Count);
        foreach (var answer in refused.Append(stillRefused))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.InRange(answer.RetryAfter ?? -1, 1, 600);
            Assert.Contains("Api__RateLimit__PermitLimit", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(KeyA, answer.Body, StringComparison.Ordinal);
        }

        Assert.All(otherCaller, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, keyInQuery.Status); // B's sixth request: its own window is used up too
        Assert.Equal(HttpStatusCode.OK, defaultKey.Status);
    }

    [Fact]
    public async Task Flood_WithWrongKeys_IsLimitedApartFromValidCallers()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Api:Keys:partner-a"] = KeyA,
            ["Api:RateLimit:PermitLimit"] = "3",
            ["Api:RateLimit:Window"] = "00:10:00",
        });

        var guesses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ListAsync(host, $"guessed-key-{i:D4}-0123456789")));
        var valid = await ListAsync(host, KeyA);

        Assert.Equal(3, guesses.Count(r => r.Status == HttpStatusCode.Unauthorized));
        Assert.Equal(7, guesses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, valid.Status);
    }

    [Fact]
    public async Task Flood_RateLimitDisabled_IsServed()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Api:RateLimit:Enabled"] = "false",
            ["Api:RateLimit:PermitLimit"] = "1",
        });

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ListAsync(host, HostEnvironment.ApiKey)));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [Fact]
    public async Task Keys_OnlyNamedCallers_EachKeyIsAcceptedAndNoOther()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Api:Key"] = null,
            ["Api:Keys:partner-a"] = KeyA,
            ["Api:Keys:partner-b"] = KeyB,
        });

        Assert.Equal(HttpStatusCode.OK, (await ListAsync(host, KeyA)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ListAsync(host, KeyB, inQuery: true)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ListAsync(host, HostEnvironment.ApiKey)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ListAsync(host, KeyA + "x")).Status);
    }

    [Fact]
    public async Task Keys_EmptySetting_MeansNoFurtherCallers()
    {
        // As local.settings.sample.json lists it.
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["Api:Keys"] = "" });

        Assert.Equal(HttpStatusCode.OK, (await ListAsync(host, HostEnvironment.ApiKey)).Status);
    }

    [Theory]
    [InlineData("Api:RateLimit:PermitLimit", "0", "Api__RateLimit__PermitLimit")]
    [InlineData("Api:RateLimit:Window", "00:00:00", "Api__RateLimit__Window")]
    [InlineData("Api:RateLimit:Window", "02:00:00", "Api__RateLimit__Window")]
    [InlineData("Api:Keys:partner-a", "short", "Api__Keys__partner-a must be at least 16 characters")]
    [InlineData("Api:Keys:partner-a", HostEnvironment.ApiKey, "Api__Keys__partner-a repeats another caller's key")]
    [InlineData("Api:Keys:default", KeyA, "Api__Keys__default: the name 'default' belongs to Api__Key")]
    [InlineData("Api:Keys:bad name", KeyA, "Api__Keys__bad name: a caller name")]
    public async Task Start_InvalidLimitOrKey_FailsNamingTheSetting(string setting, string value, string expected)
    {
        var error = await env.StartFailureAsync(overrides: new Dictionary<string, string?> { [setting] = value });

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(HostEnvironment.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(KeyA, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<Answer> ListAsync(TestHost host, string key, bool inQuery = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, inQuery ? "/api/jobs?pageSize=1&code=" + Uri.EscapeDataString(key) : "/api/jobs?pageSize=1");
        if (!inQuery)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await host.Anonymous.SendAsync(request);
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : (int?)null;
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, retryAfter, await response.Content.ReadAsStringAsync());
    }

    private sealed record Answer(HttpStatusCode Status, string? ContentType, int? RetryAfter, string Body);
}
