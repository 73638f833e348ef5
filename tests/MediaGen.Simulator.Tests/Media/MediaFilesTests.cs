using MediaGen.Simulator.Media;

namespace MediaGen.Simulator.Tests.Media;

public sealed class MediaFilesTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public void Samples_EveryFormat_IsStructurallyValid()
    {
        MediaAssert.IsPng(MediaSamples.Create(MediaFormat.Png, 1));
        MediaAssert.IsJpeg(MediaSamples.Create(MediaFormat.Jpeg, 1));
        MediaAssert.IsWebp(MediaSamples.Create(MediaFormat.Webp, 1));
        MediaAssert.IsMp4(MediaSamples.Create(MediaFormat.Mp4, 1));
        MediaAssert.IsMp3(MediaSamples.Create(MediaFormat.Mp3, 1));
    }

    [Fact]
    public async Task Media_UnknownId_Returns404()
    {
        using var response = await _client.GetAsync(new Uri("/media/000000000000000000000000/x.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PixazoSizeDirective_OutputUrlServesThatManyBytes()
    {
        var id = await _client.SubmitPixazoAsync(Api.Prompt("Giant video [sim:size=5000000]"), Api.PixazoImageToVideo);
        var (_, final) = await _client.PollUntilFinalAsync(id);
        var url = new Uri((string)final["output"]!["media_url"]![0]!);

        using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);

        Assert.Contains("/media/synthetic/", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(5_000_000, response.Content.Headers.ContentLength);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CometB64SizeDirective_StreamsBase64OfThatManyBytes()
    {
        using var response = await _client.PostCometAsync(new { prompt = Api.Prompt("Poster [sim:size=3000000]"), response_format = "b64_json" });

        var b64 = (string)(await response.JsonAsync())["data"]![0]!["b64_json"]!;
        var bytes = Convert.FromBase64String(b64);

        Assert.Equal(3_000_000, bytes.Length);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
    }

    [Fact]
    public async Task CosmicVideoSizeDirective_CanStillBeExtended()
    {
        using var video = await _client.PostCosmicAsync("video", new { prompt = Api.Prompt("Long take [sim:size=2000000]") });
        var media = (await video.JsonAsync())["media"]!;

        using var extended = await _client.PostCosmicAsync("video/extend", new { media_id = (string)media["id"]!, prompt = "Continue" });

        Assert.Equal(2_000_000, (long)media["size"]!);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
    }
}
