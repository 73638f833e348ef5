namespace MediaGen.Simulator.Tests.Pixazo;

public sealed class PixazoTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public async Task TextToImage_Documented_Returns202WithRequestIdAndPollingUrl()
    {
        using var response = await _client.PostPixazoAsync(Api.PixazoTextToImage, new
        {
            prompt = "A futuristic mountain observatory under a star-filled sky",
            negative_prompt = "",
            image_size = "square_hd",
            num_inference_steps = 28,
            guidance_scale = 4,
            num_images = 1,
            output_format = "jpeg",
            enable_prompt_expansion = false,
            enable_safety_checker = true,
            sync_mode = false,
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        var id = (string)body["request_id"]!;
        Assert.StartsWith("cosmos-3-super-text-to-image_", id, StringComparison.Ordinal);
        Assert.Equal("QUEUED", (string)body["status"]!);
        Assert.Equal(simulator.Url(Api.PixazoStatus(id)).AbsoluteUri, (string)body["polling_url"]!);
    }

    [Fact]
    public async Task Status_AfterSubmit_ProgressesQueuedProcessingCompleted()
    {
        var id = await _client.SubmitPixazoAsync(Api.Prompt("Observatory [sim:queued=300,processing=600]"));

        var (seen, final) = await _client.PollUntilFinalAsync(id);

        Assert.Equal(["QUEUED", "PROCESSING", "COMPLETED"], seen);
        Assert.Equal("cosmos-3-super-text-to-image", (string)final["model_id"]!);
        Assert.Null(final["error"]);
        Assert.Equal("image/jpeg", (string)final["output"]!["media_type"]!);
        Assert.NotNull(final["completed_at"]);
        var url = (string)final["output"]!["media_url"]![0]!;
        MediaAssert.IsJpeg(await _client.GetByteArrayAsync(new Uri(url)));
    }

    [Fact]
    public async Task TextToImage_FourPngs_CompletesWithFourPngUrls()
    {
        using var response = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = Api.Prompt(), num_images = 4, output_format = "png" });
        var id = (string)(await response.JsonAsync())["request_id"]!;

        var (_, final) = await _client.PollUntilFinalAsync(id);

        var urls = final["output"]!["media_url"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal(4, urls.Distinct().Count());
        Assert.Equal("image/png", (string)final["output"]!["media_type"]!);
        foreach (var url in urls)
        {
            MediaAssert.IsPng(await _client.GetByteArrayAsync(new Uri(url)));
        }
    }

    [Fact]
    public async Task ImageToVideo_Documented_CompletesWithMp4()
    {
        using var response = await _client.PostPixazoAsync(Api.PixazoImageToVideo, new
        {
            prompt = "Cinematic slow camera push-in; the subject animates naturally",
            image_url = "https://pub-582b7213209642b9b995c96c95a30381.r2.dev/Image.jpeg",
            num_frames = 189,
            frames_per_second = 24,
            num_inference_steps = 28,
            guidance_scale = 6,
            enable_prompt_expansion = true,
            enable_safety_checker = true,
            sync_mode = false,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string)(await response.JsonAsync())["request_id"]!;

        var (_, final) = await _client.PollUntilFinalAsync(id);

        Assert.Equal("COMPLETED", (string)final["status"]!);
        Assert.Equal("video/mp4", (string)final["output"]!["media_type"]!);
        MediaAssert.IsMp4(await _client.GetByteArrayAsync(new Uri((string)final["output"]!["media_url"]![0]!)));
    }

    [Fact]
    public async Task TextToImage_SyncMode_ReturnsCompletedWithDataUri()
    {
        using var response = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = "Observatory", sync_mode = true, output_format = "png" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("COMPLETED", (string)body["status"]!);
        var uri = (string)body["output"]!["media_url"]![0]!;
        Assert.StartsWith("data:image/png;base64,", uri, StringComparison.Ordinal);
        MediaAssert.IsPng(Convert.FromBase64String(uri[(uri.IndexOf(',', StringComparison.Ordinal) + 1)..]));
    }

    [Theory]
    [InlineData("failed", "FAILED", "could not produce")]
    [InlineData("error", "ERROR", "not been charged")]
    [InlineData("failed=NSFW content detected", "FAILED", "NSFW content detected")]
    public async Task Status_OutcomeDirective_EndsInThatStateWithError(string directive, string status, string error)
    {
        var id = await _client.SubmitPixazoAsync(Api.Prompt($"Observatory [sim:{directive}]"));

        var (seen, final) = await _client.PollUntilFinalAsync(id);

        Assert.Equal(status, seen[^1]);
        Assert.Contains(error, (string)final["error"]!, StringComparison.Ordinal);
        Assert.Null(final["output"]);
    }

    [Fact]
    public async Task Status_UnknownRequestId_Returns404()
    {
        using var response = await _client.GetPixazoStatusAsync("cosmos-3-super-text-to-image_00000000-0000-0000-0000-000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not found", (string)(await response.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownModel_Returns400ModelNotFound()
    {
        using var response = await _client.PostPixazoAsync("/cosmos-9-mega/v1/cosmos-9-mega-request", new { prompt = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bad Request", (string)body["error"]!);
        Assert.Equal("Model 'cosmos-9-mega' not found or is disabled", (string)body["message"]!);
    }

    [Fact]
    public async Task Status_Polls_AreCountedPerRequestId()
    {
        var id = await _client.SubmitPixazoAsync(Api.Prompt());
        await _client.PollUntilFinalAsync(id);
        using var extra = await _client.GetPixazoStatusAsync(id);

        var ledger = await simulator.GetRequestsAsync();

        Assert.True(ledger.Polls[id] >= 2);
        Assert.Equal(id, Assert.Single(ledger.Requests, r => r.RequestId == id).RequestId);
    }
}
