namespace MediaGen.Simulator.Tests.Faults;

/// <summary>Faults asked for inside the prompt: they work without the client's cooperation.</summary>
public sealed class FaultDirectiveTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public async Task Cosmic429_WithSeconds_ReturnsRetryAfterAndCosmicShape()
    {
        using var response = await _client.PostCosmicAsync("image", new { prompt = Api.Prompt("Busy [sim:429=7]") });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal(429, (int)(await response.JsonAsync())["status"]!);
    }

    [Fact]
    public async Task Pixazo429_WithoutSeconds_UsesDefaultRetryAfter()
    {
        using var response = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = Api.Prompt("Busy [sim:429]") });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal("Too Many Requests", (string)(await response.JsonAsync())["error"]!);
    }

    [Fact]
    public async Task Pixazo402_ReturnsDocumentedInsufficientBalance()
    {
        using var response = await _client.PostPixazoAsync(Api.PixazoImageToVideo, new { prompt = "Poor [sim:402]", image_url = "https://a/b.jpg" });

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Insufficient Balance", (string)body["error"]!);
        Assert.Equal("Your wallet does not have enough balance.", (string)body["message"]!);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(403)]
    public async Task Comet_StatusDirective_ReturnsThatStatusInOpenAiShape(int status)
    {
        using var response = await _client.PostCometAsync(new { prompt = Api.Prompt($"Broken [sim:{status}]") });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["error"]!["message"]);
    }

    [Fact]
    public async Task Status500TimesTwo_SamePromptSucceedsOnThirdAttempt()
    {
        var prompt = Api.Prompt("Flaky [sim:500*2]");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.PostCosmicAsync("audio", new { prompt });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
        var ledger = await simulator.GetRequestsAsync();
        Assert.Equal(3, ledger.CountOf(SimulatorEndpoints.CosmicAudio, prompt));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CosmicAudio, prompt));
        Assert.Equal([1, 2, 3], ledger.Requests.Where(r => r.Prompt == prompt).Select(r => r.Attempt));
    }

    [Fact]
    public async Task Malformed_Returns200WithBodyThatIsNotJson_AndStillBuys()
    {
        var prompt = Api.Prompt("Garbled [sim:malformed]");
        using var response = await _client.PostCometAsync(new { prompt });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(text));
        // The generation happened; a client that retries on a garbled body buys twice.
        Assert.Equal(1, (await simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.CometImages, prompt));
    }

    [Fact]
    public async Task Slow_ResponseStillSucceedsAndRecordsTheFault()
    {
        var prompt = Api.Prompt("Patience [sim:slow=200]");
        using var response = await _client.PostCosmicAsync("text", new { prompt });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single((await simulator.GetRequestsAsync()).Requests, r => r.Prompt == prompt);
        Assert.Equal(["slow=200"], entry.Faults);
    }

    [Fact]
    public async Task Slow_ClientTimeoutShorterThanDelay_TimesOut()
    {
        using var impatient = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostCosmicAsync("video", new { prompt = Api.Prompt("Glacial [sim:slow=5000]") }));
    }

    [Fact]
    public async Task Abort_DropsTheConnection()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.PostCometAsync(new { prompt = Api.Prompt("Gone [sim:abort]") }));
    }

    [Fact]
    public async Task UnknownDirective_Returns400NamingIt()
    {
        using var response = await _client.PostCometAsync(new { prompt = "Oops [sim:teapot]" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown simulator directive 'teapot'", (string)(await response.JsonAsync())["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollDirective_FirstTwoPollsRateLimited_ThenStatusIsServed()
    {
        var id = await _client.SubmitPixazoAsync(Api.Prompt("Flaky status [sim:poll-429=2*2]"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var poll = await _client.GetPixazoStatusAsync(id);
            statuses.Add(poll.StatusCode);
            if (poll.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(2), poll.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task PollMalformed_StatusBodyIsNotJson()
    {
        var id = await _client.SubmitPixazoAsync(Api.Prompt("Garbled status [sim:poll-malformed*1]"));

        using var first = await _client.GetPixazoStatusAsync(id);
        using var second = await _client.GetPixazoStatusAsync(id);

        var garbled = await first.Content.ReadAsStringAsync();
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(garbled));
        Assert.Equal(id, (string)(await second.JsonAsync())["request_id"]!);
    }

    [Fact]
    public async Task ChatMessages_DirectiveInLastMessage_Applies()
    {
        using var response = await _client.PostCosmicAsync("text", new { messages = new[] { new { role = "user", content = "Hi [sim:429]" } } });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }
}
