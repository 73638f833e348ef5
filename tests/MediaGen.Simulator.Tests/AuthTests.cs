namespace MediaGen.Simulator.Tests;

public sealed class AuthTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Theory]
    [InlineData("text")]
    [InlineData("image")]
    [InlineData("video")]
    [InlineData("video/extend")]
    [InlineData("audio")]
    public async Task Cosmic_NoBearerKey_Returns401(string operation)
    {
        using var response = await _client.PostCosmicAsync(operation, new { prompt = "x", media_id = "abc" }, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(401, (int)body["status"]!);
        Assert.Contains("write key", (string)body["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Api.PixazoTextToImage)]
    [InlineData(Api.PixazoImageToVideo)]
    public async Task Pixazo_NoSubscriptionKey_Returns401(string path)
    {
        using var response = await _client.PostPixazoAsync(path, new { prompt = "x", image_url = "https://a/b.jpg" }, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(401, (int)body["statusCode"]!);
        Assert.Contains("missing subscription key", (string)body["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PixazoStatus_NoSubscriptionKey_Returns401()
    {
        var id = await _client.SubmitPixazoAsync(Api.Prompt());

        using var response = await _client.GetPixazoStatusAsync(id, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Comet_NoBearerKey_Returns401InOpenAiShape()
    {
        using var response = await _client.PostCometAsync(new { prompt = "x" }, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await response.JsonAsync())["error"]!;
        Assert.Equal("invalid_api_key", (string)error["code"]!);
    }

    [Fact]
    public async Task Unauthorized_Call_IsCountedButNotAccepted()
    {
        var prompt = Api.Prompt();
        using var response = await _client.PostCometAsync(new { prompt }, key: null);

        var ledger = await simulator.GetRequestsAsync();

        var entry = Assert.Single(ledger.Requests, r => r.Endpoint == SimulatorEndpoints.CometImages && r.StatusCode == 401);
        Assert.False(entry.Accepted);
    }
}
