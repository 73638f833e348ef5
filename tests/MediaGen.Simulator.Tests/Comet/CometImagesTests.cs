namespace MediaGen.Simulator.Tests.Comet;

public sealed class CometImagesTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public async Task Images_DocumentedDallE3_ReturnsCreatedAndWebpUrl()
    {
        using var response = await _client.PostCometAsync(new { model = "dall-e-3", prompt = "A paper boat floating on calm water at sunrise." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True((long)body["created"]! > 1_700_000_000);
        var item = Assert.Single(body["data"]!.AsArray())!.AsObject();
        Assert.Contains("paper boat", (string)item["revised_prompt"]!, StringComparison.Ordinal);
        Assert.False(item.ContainsKey("b64_json"));
        var url = (string)item["url"]!;
        Assert.EndsWith(".webp", url, StringComparison.Ordinal);
        MediaAssert.IsWebp(await _client.GetByteArrayAsync(new Uri(url)));
    }

    [Fact]
    public async Task Images_B64Json_ReturnsBase64Png()
    {
        using var response = await _client.PostCometAsync(new { model = "dall-e-3", prompt = "A paper boat", response_format = "b64_json", size = "1024x1024" });

        var item = Assert.Single((await response.JsonAsync())["data"]!.AsArray())!.AsObject();
        Assert.False(item.ContainsKey("url"));
        MediaAssert.IsPng(Convert.FromBase64String((string)item["b64_json"]!));
    }

    [Theory]
    [InlineData("gpt-image-1")]
    [InlineData("gpt-image-1-mini")]
    [InlineData("gpt-image-1.5")]
    public async Task Images_GptImageModel_AnswersBase64First(string model)
    {
        using var response = await _client.PostCometAsync(new { model, prompt = "A paper boat", n = 2 });

        var data = (await response.JsonAsync())["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.All(data, item => MediaAssert.IsPng(Convert.FromBase64String((string)item!["b64_json"]!)));
    }

    [Fact]
    public async Task Images_ModelOmitted_DefaultsToDallE3()
    {
        using var response = await _client.PostCometAsync(new { prompt = "A paper boat" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["data"]![0]!["url"]);
    }

    [Theory]
    [InlineData("{\"model\":\"dall-e-3\"}", "prompt is required")]
    [InlineData("{\"model\":\"qwen-image\",\"prompt\":\"x\",\"n\":2}", "n must be 1 for qwen-image")]
    [InlineData("{\"model\":\"dall-e-3\",\"prompt\":\"x\",\"n\":0}", "n must be between")]
    [InlineData("{\"model\":\"dall-e-3\",\"prompt\":\"x\",\"response_format\":\"png\"}", "response_format must be one of")]
    [InlineData("{\"model\":\"dall-e-3\",\"prompt\":\"x\",\"size\":\"512x512\"}", "size must be one of")]
    [InlineData("{\"model\":\"flux-pro\",\"prompt\":\"x\",\"size\":\"big\"}", "size must look like")]
    public async Task Images_InvalidBody_Returns400InOpenAiShape(string body, string expected)
    {
        using var response = await _client.PostCometAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.JsonAsync())["error"]!;
        Assert.Equal("invalid_request_error", (string)error["type"]!);
        Assert.Contains(expected, (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_QwenWithOneImage_Returns200()
    {
        using var response = await _client.PostCometAsync(new { model = "qwen-image", prompt = "A paper boat", n = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Images_ContentPolicyDirective_Returns400WithContentPolicyCode()
    {
        using var response = await _client.PostCometAsync(new { prompt = "Something forbidden [sim:content-policy]" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("content_policy_violation", (string)(await response.JsonAsync())["error"]!["code"]!);
    }
}
