namespace MediaGen.Core.Tests.Media;

/// <summary>Copies from a real HTTP source on loopback into Azurite, verified by reading the blob back.</summary>
[Collection(MediaTestEnvironment.Name)]
public sealed class MediaStoreUrlCopyTests(MediaTestEnvironment env)
{
    private static readonly MediaTarget Target = new("job-42", 0) { Provider = "pixazo", Model = "cosmos-3-super", Folder = "demo", Prefix = "x-" };

    [Fact]
    public async Task CopyFromUrlAsync_PngWithContentLength_StoresBytesTypeSizeShaAndMetadata()
    {
        using var store = env.CreateStore(out var container);
        var bytes = Payload.Png(300_000);
        var url = env.Source.Serve("a/" + Guid.NewGuid() + ".png", bytes, "image/png");

        var stored = await store.CopyFromUrlAsync(url, Target);

        Assert.Equal(container, stored.Container);
        Assert.Equal("demo/x-job-42/0.png", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/png", Target);
    }

    [Fact]
    public async Task CopyFromUrlAsync_ChunkedManyBlocks_StoresEveryByteInOrder()
    {
        // Small blocks and 2-way concurrency: 40+ staged blocks, committed in source order.
        using var store = env.CreateStore(out _, o => { o.BlockSize = 64 * 1024; o.UploadConcurrency = 2; });
        var bytes = Payload.Stream((2 * 1024 * 1024) + 12_345);
        var url = env.Source.Serve(Guid.NewGuid() + ".mp4", bytes, "video/mp4", chunked: true);

        var stored = await store.CopyFromUrlAsync(url, Target with { ItemIndex = 3 });

        Assert.Equal("demo/x-job-42/3.mp4", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "video/mp4", Target with { ItemIndex = 3 });
    }

    [Fact]
    public async Task CopyFromUrlAsync_SameItemCopiedAgain_OverwritesTheOneBlob()
    {
        using var store = env.CreateStore(out var container);
        var first = Payload.Jpeg(50_000);
        var second = Payload.Jpeg(70_000);
        var path = Guid.NewGuid() + ".jpg";

        var one = await store.CopyFromUrlAsync(env.Source.Serve(path, first, "image/jpeg"), Target);
        var two = await store.CopyFromUrlAsync(env.Source.Serve(path, second, "image/jpeg"), Target);

        Assert.Equal(one.BlobName, two.BlobName);
        Assert.Equal(["demo/x-job-42/0.jpg"], await BlobAssert.NamesAsync(env.Blobs, container));
        await BlobAssert.StoredAsync(env.Blobs, two, second, "image/jpeg", Target);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    [InlineData("text/html; charset=utf-8")]
    public async Task CopyFromUrlAsync_GenericMissingOrWrongContentType_SniffsTypeFromBytes(string? header)
    {
        using var store = env.CreateStore(out _);
        var bytes = Payload.Jpeg(20_000);
        var url = env.Source.Serve(Guid.NewGuid() + "/file", bytes, header);

        var stored = await store.CopyFromUrlAsync(url, Target);

        Assert.Equal("demo/x-job-42/0.jpg", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/jpeg", Target);
    }

    [Fact]
    public async Task CopyFromUrlAsync_DeclaredContentType_WinsOverResponseHeader()
    {
        using var store = env.CreateStore(out _);
        var bytes = Payload.Mp3(10_000);
        var url = env.Source.Serve(Guid.NewGuid() + ".bin", bytes, "audio/x-unknown");

        var stored = await store.CopyFromUrlAsync(url, Target with { ContentType = "audio/mpeg" });

        Assert.Equal("demo/x-job-42/0.mp3", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "audio/mpeg", Target);
    }

    [Theory]
    [InlineData(404, false)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    public async Task CopyFromUrlAsync_SourceAnswersError_ThrowsSourceFailedWithStatusAndStoresNothing(int status, bool transient)
    {
        using var store = env.CreateStore(out var container);

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(env.Source.Url($"/status/{status}?sig=secret-token"), Target));

        Assert.Equal(MediaCopyErrorKind.SourceFailed, error.Kind);
        Assert.Equal("source_failed", error.Code);
        Assert.Equal(status, error.SourceStatus);
        Assert.Equal(transient, error.IsTransient);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_RedirectToAllowedAddress_FollowsAndStores()
    {
        using var store = env.CreateStore(out _);
        var bytes = Payload.Png(5_000);
        var target = env.Source.Serve(Guid.NewGuid() + ".png", bytes, "image/png");

        var stored = await store.CopyFromUrlAsync(env.Source.Url("/redirect?to=" + Uri.EscapeDataString(target.ToString())), Target);

        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/png", Target);
    }

    [Fact]
    public async Task CopyFromUrlAsync_EndlessRedirects_ThrowsSourceFailed()
    {
        using var store = env.CreateStore(out var container, o => o.MaxRedirects = 3);

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(env.Source.Url("/redirect-loop"), Target));

        Assert.Equal(MediaCopyErrorKind.SourceFailed, error.Kind);
        Assert.Contains("redirected more than 3 times", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_SlowButSteadySource_StoresEveryByte()
    {
        using var store = env.CreateStore(out _, o => o.BlockSize = 64 * 1024);
        const long Size = 640 * 1024;

        var stored = await store.CopyFromUrlAsync(env.Source.Url($"/stream?size={Size}&delayMs=30"), Target);

        await BlobAssert.StoredAsync(env.Blobs, stored, Payload.Stream(Size), "video/mp4", Target);
    }

    [Fact]
    public async Task CopyFromUrlAsync_SourceStallsMidBody_ThrowsTransientSourceFailedAndStoresNothing()
    {
        using var store = env.CreateStore(out var container, o => o.IdleTimeout = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(env.Source.Url("/stall"), Target));

        Assert.Equal(MediaCopyErrorKind.SourceFailed, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains("/stall", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }
}
