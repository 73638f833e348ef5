namespace MediaGen.Core.Tests.Media;

/// <summary><c>b64_json</c>, data URIs and plain streams, decoded in chunks and read back from Azurite.</summary>
[Collection(MediaTestEnvironment.Name)]
public sealed class MediaStoreInlineTests(MediaTestEnvironment env)
{
    private static readonly MediaTarget Target = new("job-inline", 1) { Provider = "comet", Model = "gpt-image-1" };

    [Fact]
    public async Task CopyInlineAsync_MultiMegabyteB64Json_DecodesInChunksAndSniffsType()
    {
        using var store = env.CreateStore(out _, o => o.BlockSize = 256 * 1024);
        var bytes = Payload.Png((5 * 1024 * 1024) + 7);

        var stored = await store.CopyInlineAsync(Convert.ToBase64String(bytes), Target);

        Assert.Equal("job-inline/1.png", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/png", Target);
    }

    [Fact]
    public async Task CopyInlineAsync_DataUri_UsesItsMediaType()
    {
        using var store = env.CreateStore(out _);
        var bytes = Payload.Stream(3 * 1024 * 1024);

        var stored = await store.CopyInlineAsync("data:video/quicktime;base64," + Convert.ToBase64String(bytes), Target);

        Assert.Equal("job-inline/1.mov", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "video/quicktime", Target);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(49_151)]
    [InlineData(49_152)]
    [InlineData(49_153)]
    [InlineData(200_001)]
    public async Task CopyInlineAsync_LineWrappedUrlSafeUnpadded_DecodesExactBytes(int size)
    {
        // MIME line breaks shift every chunk boundary off the 4-character grid; URL-safe, unpadded like JWTs.
        using var store = env.CreateStore(out _);
        var bytes = Payload.Jpeg(Math.Max(size, 4))[..size];
        var base64 = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var stored = await store.CopyInlineAsync(base64, Target with { ContentType = "image/jpeg" });

        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/jpeg", Target);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("QUJD*RA==")]
    [InlineData("QUJDR")]
    [InlineData("data:image/png,%89PNG")]
    [InlineData("data:image/png;base64")]
    [InlineData("   ")]
    [InlineData("data:image/png;base64,")]
    public async Task CopyInlineAsync_InvalidData_ThrowsInvalidDataAndStoresNothing(string data)
    {
        using var store = env.CreateStore(out var container);

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyInlineAsync(data, Target));

        Assert.Equal(MediaCopyErrorKind.InvalidData, error.Kind);
        Assert.Equal("invalid_data", error.Code);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task UploadAsync_GeneratedText_StoresWithDeclaredTypeAndTxtName()
    {
        using var store = env.CreateStore(out _);
        var bytes = Encoding.UTF8.GetBytes("A lighthouse at dusk, painted in oils. ✓");
        await using var content = new MemoryStream(bytes);

        var stored = await store.UploadAsync(content, Target with { ContentType = "text/plain; charset=utf-8" });

        Assert.Equal("job-inline/1.txt", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "text/plain; charset=utf-8", Target);
    }
}
