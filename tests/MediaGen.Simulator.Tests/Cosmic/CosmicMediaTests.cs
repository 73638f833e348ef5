namespace MediaGen.Simulator.Tests.Cosmic;

public sealed class CosmicMediaTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static readonly string[] MediaFields =
        ["id", "name", "original_name", "size", "folder", "type", "bucket", "created_at", "url", "imgix_url", "alt_text", "metadata"];

    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public async Task Image_Documented_ReturnsMediaOnSimulatorAndRevisedPrompt()
    {
        using var response = await _client.PostCosmicAsync("image", new
        {
            prompt = "A serene mountain landscape at sunset",
            folder = "ai-generated",
            alt_text = "AI-generated mountain landscape at sunset",
            metadata = new { caption = "Beautiful mountain vista", generated_by = "Cosmic AI" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var media = AssertMedia(body, "image/png");
        Assert.Equal("ai-generated", (string)media["folder"]!);
        Assert.Equal("AI-generated mountain landscape at sunset", (string)media["alt_text"]!);
        Assert.Equal("Beautiful mountain vista", (string)media["metadata"]!["caption"]!);
        Assert.Contains("mountain", (string)body["revised_prompt"]!, StringComparison.Ordinal);
        var bytes = await DownloadAsync(media, "image/png");
        MediaAssert.IsPng(bytes);
        Assert.Equal(bytes, await _client.GetByteArrayAsync((string)media["imgix_url"]!));
    }

    [Theory]
    [InlineData("gemini-3.1-flash-image-preview", "512x512")]
    [InlineData("gemini-3-pro-image-preview", "4096x4096")]
    [InlineData("dall-e-3", "1792x1024")]
    public async Task Image_SupportedModelAndSize_Returns200(string model, string size)
    {
        using var response = await _client.PostCosmicAsync("image", new { prompt = "A futuristic cityscape", model, size, quality = "hd" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"model\":\"dall-e-3\"}", "prompt is required")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"dall-e-3\",\"size\":\"2048x2048\"}", "size must be one of")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"size\":\"512x512\"}", "size must be one of")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"midjourney\"}", "model must be one of")]
    [InlineData("{\"prompt\":\"x\",\"quality\":\"ultra\"}", "quality must be one of")]
    [InlineData("{\"prompt\":\"x\",\"aspect_ratio\":\"7:5\"}", "aspect_ratio must be one of")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"aspect_ratio\":\"1:8\"}", "aspect_ratio must be one of")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"dall-e-3\",\"reference_images\":[\"https://a/b.jpg\"]}", "Gemini models only")]
    [InlineData("{\"prompt\":\"x\",\"metadata\":\"caption\"}", "metadata must be a JSON object")]
    public async Task Image_InvalidBody_Returns400NamingTheRule(string body, string expected)
    {
        using var response = await _client.PostCosmicAsync("image", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string)(await response.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gemini-3.1-flash-image-preview", 14, true)]
    [InlineData("gemini-3.1-flash-image-preview", 15, false)]
    [InlineData("gemini-3-pro-image-preview", 5, true)]
    [InlineData("gemini-3-pro-image-preview", 6, false)]
    public async Task Image_ReferenceImageCount_EnforcesModelLimit(string model, int count, bool accepted)
    {
        var references = Enumerable.Range(0, count).Select(i => $"https://cdn.example.com/ref-{i}.jpg").ToArray();

        using var response = await _client.PostCosmicAsync("image", new { prompt = "Mountains in this style", model, reference_images = references });

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Video_Documented_ReturnsMp4WithVeoMetadataAndUsage()
    {
        using var response = await _client.PostCosmicAsync("video", new { prompt = "A serene mountain landscape with gentle wind", duration = 6, resolution = "1080p", folder = "nature-videos" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var media = AssertMedia(body, "video/mp4");
        Assert.Equal(6, (int)media["metadata"]!["duration"]!);
        Assert.Equal("1080p", (string)media["metadata"]!["resolution"]!);
        Assert.NotNull(media["metadata"]!["veo_file_uri"]);
        Assert.Equal(216_000, (int)body["usage"]!["total_tokens"]!);
        Assert.True((int)body["generation_time_seconds"]! >= 1);
        MediaAssert.IsMp4(await DownloadAsync(media, "video/mp4"));
    }

    [Theory]
    [InlineData("{\"prompt\":\"x\",\"duration\":5}", "duration must be one of: 4, 6, 8")]
    [InlineData("{\"prompt\":\"x\",\"resolution\":\"4k\"}", "resolution must be one of")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"veo-2\"}", "model must be one of")]
    [InlineData("{\"prompt\":\"x\",\"reference_images\":[\"https://a/1.jpg\",\"https://a/2.jpg\"]}", "at most 1 image")]
    [InlineData("{\"duration\":8}", "prompt is required")]
    public async Task Video_InvalidBody_Returns400(string body, string expected)
    {
        using var response = await _client.PostCosmicAsync("video", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string)(await response.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Video_NoVideosDirective_ReturnsContentPolicyError()
    {
        using var response = await _client.PostCosmicAsync("video", new { prompt = "A famous actor dancing [sim:no-videos]" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No videos generated", (string)(await response.JsonAsync())["message"]!);
        Assert.Equal(0, (await simulator.GetRequestsAsync()).Requests.Count(r => r.Prompt?.Contains("famous actor", StringComparison.Ordinal) == true && r.Accepted));
    }

    [Fact]
    public async Task VideoExtend_ChainOfTwo_EachSegmentPointsAtItsSource()
    {
        using var first = await _client.PostCosmicAsync("video", new { prompt = "A door slowly opens", duration = 8 });
        var firstId = (string)(await first.JsonAsync())["media"]!["id"]!;

        using var second = await _client.PostCosmicAsync("video/extend", new { media_id = firstId, prompt = "Camera enters the room" });
        var secondBody = await second.JsonAsync();
        var secondId = (string)secondBody["media"]!["id"]!;
        using var third = await _client.PostCosmicAsync("video/extend", new { media_id = secondId, prompt = "Light on a photograph", model = "veo-3.1-generate-preview", metadata = new { scene = "3" } });
        var thirdBody = await third.JsonAsync();

        Assert.Equal(firstId, (string)secondBody["source_media_id"]!);
        Assert.True((bool)secondBody["is_extension"]!);
        Assert.Equal(secondId, (string)thirdBody["source_media_id"]!);
        var media = AssertMedia(thirdBody, "video/mp4");
        Assert.Equal("720p", (string)media["metadata"]!["resolution"]!);
        Assert.Equal(8, (int)media["metadata"]!["duration"]!);
        Assert.Equal("3", (string)media["metadata"]!["scene"]!);
        Assert.Equal(768_000, (int)thirdBody["usage"]!["total_tokens"]!);
        MediaAssert.IsMp4(await DownloadAsync(media, "video/mp4"));
    }

    [Fact]
    public async Task VideoExtend_ImageMediaId_Returns400()
    {
        using var image = await _client.PostCosmicAsync("image", new { prompt = "A still image" });
        var imageId = (string)(await image.JsonAsync())["media"]!["id"]!;

        using var response = await _client.PostCosmicAsync("video/extend", new { media_id = imageId, prompt = "Move" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Veo-generated", (string)(await response.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VideoExtend_MissingMediaId_Returns400()
    {
        using var response = await _client.PostCosmicAsync("video/extend", new { prompt = "Continue" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("media_id is required", (string)(await response.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_Documented_ReturnsMp3WithTtsMetadata()
    {
        using var response = await _client.PostCosmicAsync("audio", new { prompt = "Welcome to our podcast. Today we explore the future.", voice = "sage", model = "tts-1-hd", folder = "podcasts" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var media = AssertMedia(body, "audio/mpeg");
        Assert.Equal("sage", (string)media["metadata"]!["voice"]!);
        Assert.Equal("tts-1-hd", (string)media["metadata"]!["model"]!);
        Assert.Equal(1, (int)media["metadata"]!["chunk_count"]!);
        Assert.Equal(7_200, (int)body["usage"]!["output_tokens"]!);
        MediaAssert.IsMp3(await DownloadAsync(media, "audio/mpeg"));
    }

    [Theory]
    [InlineData("{\"prompt\":\"x\",\"voice\":\"bob\"}", "voice must be one of")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"tts-2\"}", "model must be one of")]
    [InlineData("{\"voice\":\"nova\"}", "prompt is required")]
    public async Task Audio_InvalidBody_Returns400(string body, string expected)
    {
        using var response = await _client.PostCosmicAsync("audio", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string)(await response.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    private JsonObject AssertMedia(JsonObject body, string type)
    {
        var media = body["media"]!.AsObject();
        foreach (var field in MediaFields)
        {
            Assert.True(media.ContainsKey(field), $"media.{field} missing");
        }

        Assert.Equal(24, ((string)media["id"]!).Length);
        Assert.Equal(type, (string)media["type"]!);
        Assert.StartsWith(simulator.BaseAddress.AbsoluteUri, (string)media["url"]!, StringComparison.Ordinal);
        return media;
    }

    private async Task<byte[]> DownloadAsync(JsonObject media, string type)
    {
        using var response = await _client.GetAsync(new Uri((string)media["url"]!));
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((long)media["size"]!, bytes.Length);
        return bytes;
    }
}
