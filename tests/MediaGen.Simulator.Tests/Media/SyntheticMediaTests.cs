using System.Net.Http.Headers;
using MediaGen.Simulator.Media;

namespace MediaGen.Simulator.Tests.Media;

/// <summary><c>GET /media/synthetic/{name}.{ext}?size=N</c>: files of any size, streamed, never held in memory.</summary>
public sealed class SyntheticMediaTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private const long FiveGigabytes = 5L * 1024 * 1024 * 1024;

    private readonly HttpClient _client = simulator.Client;

    [Theory]
    [InlineData("png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData("jpg", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData("jpeg", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData("webp", "image/webp", new byte[] { 0x52, 0x49, 0x46, 0x46 })]
    [InlineData("mp3", "audio/mpeg", new byte[] { 0x49, 0x44, 0x33 })]
    [InlineData("bin", "application/octet-stream", new byte[0])]
    public async Task Synthetic_Extension_StartsWithItsSignature(string ext, string contentType, byte[] signature)
    {
        using var response = await _client.GetAsync(new Uri($"/media/synthetic/sample.{ext}?size=100000", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100_000, bytes.Length);
        Assert.Equal(signature, bytes[..signature.Length]);
    }

    [Fact]
    public async Task Synthetic_Mp4_HasFtypAndMdatSpanningTheFile()
    {
        var bytes = await _client.GetByteArrayAsync(new Uri("/media/synthetic/clip.mp4?size=250000", UriKind.Relative));

        MediaAssert.IsMp4(bytes);
    }

    [Fact]
    public async Task Synthetic_NoSize_DefaultsToOneMebibyte()
    {
        using var response = await _client.GetAsync(new Uri("/media/synthetic/default.png", UriKind.Relative));

        Assert.Equal(1024 * 1024, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Synthetic_InvalidSize_Returns400()
    {
        using var response = await _client.GetAsync(new Uri("/media/synthetic/x.png?size=lots", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Synthetic_FiveGigabytesHead_ReportsContentLengthWithoutBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"/media/synthetic/huge.mp4?size={FiveGigabytes}", UriKind.Relative));
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FiveGigabytes, response.Content.Headers.ContentLength);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
    }

    [Fact]
    public async Task Synthetic_FiveGigabytesRangeAtTheEnd_ReturnsThoseDeterministicBytes()
    {
        var url = new Uri($"/media/synthetic/huge.mp4?size={FiveGigabytes}", UriKind.Relative);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(FiveGigabytes - 1000, FiveGigabytes - 1);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.Range = new RangeHeaderValue(FiveGigabytes - 1000, FiveGigabytes - 1);

        using var response = await _client.SendAsync(request);
        using var second = await _client.SendAsync(again);
        var tail = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(FiveGigabytes, response.Content.Headers.ContentRange?.Length);
        Assert.Equal(1000, tail.Length);
        Assert.Equal(tail, await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Synthetic_FiveGigabyteMp4Header_UsesLargeSizeMdat()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/media/synthetic/huge.mp4?size={FiveGigabytes}", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(0, 43);
        using var response = await _client.SendAsync(request);
        var head = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(head, 4, 4));
        Assert.Equal(1u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(28)));
        Assert.Equal("mdat", System.Text.Encoding.ASCII.GetString(head, 32, 4));
        Assert.Equal((ulong)FiveGigabytes - 28, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(head.AsSpan(36)));
    }

    [Fact]
    public async Task Synthetic_ThreeHundredMegabytes_StreamsExactlyContentLength()
    {
        const long Size = 300L * 1024 * 1024;
        using var response = await _client.GetAsync(new Uri($"/media/synthetic/big.mp4?size={Size}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(Size, response.Content.Headers.ContentLength);
        Assert.Equal(Size, total);
    }

    [Fact]
    public void Stream_SeekAndRead_MatchesSequentialRead()
    {
        var header = MediaSamples.Header(MediaFormat.Png, 300_000);
        using var sequential = new SyntheticMediaStream(header, 300_000, seed: 7);
        var all = new byte[300_000];
        sequential.ReadExactly(all);

        using var seeking = new SyntheticMediaStream(header, 300_000, seed: 7);
        seeking.Seek(200_123, SeekOrigin.Begin);
        var part = new byte[5_000];
        seeking.ReadExactly(part);

        Assert.Equal(all.AsSpan(200_123, 5_000).ToArray(), part);
        Assert.Equal(all[150_000], SyntheticMediaStream.ByteAt(header, 7, 150_000));
        Assert.Equal(0, sequential.Read(new byte[10]));
    }
}
