using System.Security.Cryptography;

namespace MediaGen.Core.Tests.Providers.Comet;

public sealed class CometClientTests
{
    [Fact]
    public async Task CreateImages_UrlResponse_PostsDocumentedRequestAndReadsData()
    {
        var fake = new FakeHttpHandler().ThenJson("""
            {"created":1773311889,"data":[{"revised_prompt":"A paper boat, golden light.","url":"https://filesystem.site/cdn/20260312/1d68.webp"}]}
            """);

        await using var result = await ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("A paper boat floating on calm water at sunrise.", Size: "1024x1024", ResponseFormat: "url"));

        var sent = Assert.Single(fake.Requests);
        Assert.Equal("https://api.cometapi.com/v1/images/generations", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + ProviderTestClients.CometKey, sent.Headers["Authorization"]);
        Assert.Equal("""{"prompt":"A paper boat floating on calm water at sunrise.","model":"dall-e-3","size":"1024x1024","response_format":"url"}""", sent.Body);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773311889), result.Created);
        var image = Assert.Single(result.Data);
        Assert.Equal("https://filesystem.site/cdn/20260312/1d68.webp", image.Url);
        Assert.Equal("A paper boat, golden light.", image.RevisedPrompt);
        Assert.Null(image.Content);
    }

    [Fact]
    public async Task CreateImages_TwoBase64Images_DecodesEachIntoItsOwnStream()
    {
        byte[] first = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], second = [0xFF, 0xD8, 0xFF, 9];
        var fake = new FakeHttpHandler().ThenJson($$$"""
            {"created":1,"data":[{"b64_json":"{{{Convert.ToBase64String(first)}}}"},{"revised_prompt":"two","b64_json" : "{{{Convert.ToBase64String(second)}}}"}],"usage":{"total_tokens":5}}
            """);

        await using var result = await ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("p", "gpt-image-1", N: 2));

        Assert.Equal(first, await ReadAll(result.Data[0].Content!));
        Assert.Equal(second, await ReadAll(result.Data[1].Content!));
        Assert.Equal(second.Length, result.Data[1].ContentLength);
        Assert.Equal("two", result.Data[1].RevisedPrompt);
    }

    [Fact]
    public async Task CreateImages_MultiMegabyteBase64WithJsonEscapes_DecodesExactly()
    {
        var image = RandomNumberGenerator.GetBytes(6 * 1024 * 1024 + 5);
        // System.Text.Json's default encoder writes '+' as \u002B; others write '/' as \/: both must decode.
        var base64 = Convert.ToBase64String(image).Replace("+", "\\u002B", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal);
        var fake = new FakeHttpHandler().ThenJson("{\"created\":2,\"data\":[{\"b64_json\":\"" + base64 + "\"}]}");

        await using var result = await ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("p", "gpt-image-1"));

        var content = result.Data[0].Content!;
        Assert.Equal(image.Length, content.Length);
        Assert.Equal(SHA256.HashData(image), await SHA256.HashDataAsync(content));
    }

    [Fact]
    public async Task DisposeResult_SpooledContent_IsDeleted()
    {
        var fake = new FakeHttpHandler().ThenJson("""{"created":1,"data":[{"b64_json":"AAEC"}]}""");
        var result = await ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("p"));
        var path = Assert.IsType<FileStream>(result.Data[0].Content).Name;
        Assert.True(File.Exists(path));

        await result.DisposeAsync();

        Assert.False(File.Exists(path));
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "invalid base64", """{"created":1,"data":[{"b64_json":"@@@@"}]}""" },
        { "cut inside base64", """{"created":1,"data":[{"b64_json":"AAEC""" },
        { "bad escape in base64", """{"created":1,"data":[{"b64_json":"AA\tEC"}]}""".Replace("\t", "\\t", StringComparison.Ordinal) },
        { "item without url or b64_json", """{"created":1,"data":[{"revised_prompt":"x"}]}""" },
        { "b64_json of wrong type", """{"created":1,"data":[{"b64_json":12}]}""" },
        { "missing created", """{"data":[{"url":"https://x/y.png"}]}""" },
        { "missing data", """{"created":1}""" },
        { "created not a number", """{"created":"yesterday","data":[]}""" },
        { "not JSON", "Service temporarily unavailable" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task CreateImages_MalformedBody_IsMalformedResponseAndLeavesNoTempFiles(string name, string body)
    {
        Assert.NotNull(name);
        var opened = new List<TrackingStream>();
        var fake = new FakeHttpHandler().ThenJson(body);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            ProviderTestClients.Comet(fake, openSpool: _ => { var s = new TrackingStream(); opened.Add(s); return s; }).CreateImagesAsync(new CometImageRequest("p")));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
        Assert.All(opened, s => Assert.True(s.Disposed));
    }

    [Fact]
    public async Task CreateImages_HtmlWithSuccessStatus_IsMalformedResponse()
    {
        var fake = new FakeHttpHandler().Then(HttpStatusCode.OK, "<html>login</html>", "text/html");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("p")));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request_error", "invalid_size", ProviderErrorType.InvalidRequest)]
    [InlineData(HttpStatusCode.BadRequest, "invalid_request_error", "content_policy_violation", ProviderErrorType.ContentPolicy)]
    [InlineData(HttpStatusCode.Unauthorized, "authentication_error", "invalid_api_key", ProviderErrorType.Unauthorized)]
    public async Task CreateImages_OpenAiError_MapsTypeAndKeepsCode(HttpStatusCode status, string type, string code, ProviderErrorType expected)
    {
        var fake = new FakeHttpHandler().Always(status, $$$"""{"error":{"message":"Request failed","type":"{{{type}}}","param":null,"code":"{{{code}}}"}}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("p")));

        Assert.Equal(expected, error.ErrorType);
        Assert.Equal(code, error.ProviderErrorCode);
        Assert.Equal("Request failed", error.ProviderMessage);
        Assert.DoesNotContain(ProviderTestClients.CometKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateImages_GptImageWithUrlFormat_IsRejectedBeforeSending()
    {
        var fake = new FakeHttpHandler();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("p", "gpt-image-1", ResponseFormat: "url")));

        Assert.Equal("response_format", Assert.Single(error.Errors).Field);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task CreateImages_429ThenSuccess_IsRetried()
    {
        var fake = new FakeHttpHandler().Then(HttpStatusCode.TooManyRequests, "{}").ThenJson("""{"created":1,"data":[{"url":"https://x/y.png"}]}""");

        await using var result = await ProviderTestClients.Comet(fake).CreateImagesAsync(new CometImageRequest("p"));

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal("https://x/y.png", result.Data[0].Url);
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed class TrackingStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
