namespace MediaGen.Simulator.Tests.Pixazo;

/// <summary>Both sides of every documented Pixazo range and enum.</summary>
public sealed class PixazoValidationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    public static TheoryData<string, string, bool> TextToImageCases => new()
    {
        { "\"prompt\":\"\"", "prompt", false },
        { $"\"prompt\":\"{new string('a', 4096)}\"", "", true },
        { $"\"prompt\":\"{new string('a', 4097)}\"", "prompt", false },
        { $"\"prompt\":\"x\",\"negative_prompt\":\"{new string('n', 1024)}\"", "", true },
        { $"\"prompt\":\"x\",\"negative_prompt\":\"{new string('n', 1025)}\"", "negative_prompt", false },
        { "\"prompt\":\"x\",\"num_inference_steps\":1", "", true },
        { "\"prompt\":\"x\",\"num_inference_steps\":50", "", true },
        { "\"prompt\":\"x\",\"num_inference_steps\":0", "num_inference_steps", false },
        { "\"prompt\":\"x\",\"num_inference_steps\":51", "num_inference_steps", false },
        { "\"prompt\":\"x\",\"guidance_scale\":0", "", true },
        { "\"prompt\":\"x\",\"guidance_scale\":20", "", true },
        { "\"prompt\":\"x\",\"guidance_scale\":20.5", "guidance_scale", false },
        { "\"prompt\":\"x\",\"guidance_scale\":-0.1", "guidance_scale", false },
        { "\"prompt\":\"x\",\"num_images\":4", "", true },
        { "\"prompt\":\"x\",\"num_images\":5", "num_images", false },
        { "\"prompt\":\"x\",\"num_images\":0", "num_images", false },
        { "\"prompt\":\"x\",\"agentic_max_iterations\":3,\"agentic_samples_per_iteration\":1", "", true },
        { "\"prompt\":\"x\",\"agentic_max_iterations\":4", "agentic_max_iterations", false },
        { "\"prompt\":\"x\",\"agentic_samples_per_iteration\":0", "agentic_samples_per_iteration", false },
        { "\"prompt\":\"x\",\"output_format\":\"png\"", "", true },
        { "\"prompt\":\"x\",\"output_format\":\"gif\"", "output_format", false },
        { "\"prompt\":\"x\",\"image_size\":\"landscape_16_9\"", "", true },
        { "\"prompt\":\"x\",\"image_size\":\"huge\"", "image_size", false },
        { "\"prompt\":\"x\",\"image_size\":{\"width\":1280,\"height\":720}", "", true },
        { "\"prompt\":\"x\",\"image_size\":{\"width\":1280}", "image_size", false },
        { "\"prompt\":\"x\",\"image_size\":{\"width\":\"wide\",\"height\":720}", "image_size", false },
        { "\"prompt\":\"x\",\"image_size\":42", "image_size", false },
        { "\"prompt\":\"x\",\"seed\":1.5", "seed", false },
        { "\"prompt\":\"x\",\"enable_safety_checker\":\"yes\"", "enable_safety_checker", false },
        { "\"negative_prompt\":\"x\"", "prompt is required", false },
    };

    public static TheoryData<string, string, bool> ImageToVideoCases => new()
    {
        { "\"prompt\":\"x\"", "image_url is required", false },
        { $"\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"negative_prompt\":\"{new string('n', 2048)}\"", "", true },
        { $"\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"negative_prompt\":\"{new string('n', 2049)}\"", "negative_prompt", false },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"num_frames\":5", "", true },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"num_frames\":189", "", true },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"num_frames\":4", "num_frames", false },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"num_frames\":190", "num_frames", false },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"frames_per_second\":4", "", true },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"frames_per_second\":60", "", true },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"frames_per_second\":3", "frames_per_second", false },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"frames_per_second\":61", "frames_per_second", false },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"guidance_scale\":21", "guidance_scale", false },
        { "\"prompt\":\"x\",\"image_url\":\"https://a/b.jpg\",\"agentic_early_stop\":1", "agentic_early_stop", false },
        { "\"prompt\":\"\",\"image_url\":\"https://a/b.jpg\"", "prompt", false },
    };

    [Theory]
    [MemberData(nameof(TextToImageCases))]
    public async Task TextToImage_Parameter_ValidatedAsDocumented(string fields, string field, bool accepted) =>
        await AssertValidationAsync(Api.PixazoTextToImage, fields, field, accepted);

    [Theory]
    [MemberData(nameof(ImageToVideoCases))]
    public async Task ImageToVideo_Parameter_ValidatedAsDocumented(string fields, string field, bool accepted) =>
        await AssertValidationAsync(Api.PixazoImageToVideo, fields, field, accepted);

    [Fact]
    public async Task Submit_RelativeWebhookUrl_Returns400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Api.PixazoTextToImage)
        {
            Content = new StringContent("{\"prompt\":\"x\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", Api.Key);
        request.Headers.Add("X-Webhook-URL", "/relative/callback");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task AssertValidationAsync(string path, string fields, string field, bool accepted)
    {
        using var response = await _client.PostPixazoAsync(path, "{" + fields + "}");

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bad Request", (string)body["error"]!);
        Assert.Contains(field, (string)body["message"]!, StringComparison.Ordinal);
    }
}
