namespace MediaGen.Core.Tests.Media;

/// <summary>The size cap: exceeded by header or while streaming, the copy fails and no blob is committed.</summary>
[Collection(MediaTestEnvironment.Name)]
public sealed class MediaStoreSizeCapTests(MediaTestEnvironment env)
{
    private static readonly MediaTarget Target = new("job-cap", 0) { Provider = "cosmic" };

    [Fact]
    public async Task CopyFromUrlAsync_ContentLengthOverCap_ThrowsTooLargeAndStoresNothing()
    {
        using var store = env.CreateStore(out var container, o => o.MaxBytes = 1_000_000);

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(env.Source.Url("/stream?size=3000000&length=3000000"), Target));

        Assert.Equal(MediaCopyErrorKind.TooLarge, error.Kind);
        Assert.Equal("too_large", error.Code);
        Assert.Contains("Content-Length is 3000000", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_ChunkedBodyOverCap_ThrowsTooLargeAndCommitsNothing()
    {
        using var store = env.CreateStore(out var container, o => { o.MaxBytes = 1_000_000; o.BlockSize = 64 * 1024; });

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(env.Source.Url("/stream?size=1000001"), Target));

        Assert.Equal(MediaCopyErrorKind.TooLarge, error.Kind);
        Assert.Contains("more than 1000000 bytes arrived", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_ExactlyAtCap_Stores()
    {
        using var store = env.CreateStore(out _, o => { o.MaxBytes = 1_000_000; o.BlockSize = 64 * 1024; });

        var stored = await store.CopyFromUrlAsync(env.Source.Url("/stream?size=1000000"), Target);

        await BlobAssert.StoredAsync(env.Blobs, stored, Payload.Stream(1_000_000), "video/mp4", Target);
    }

    [Fact]
    public async Task CopyFromUrlAsync_OverCapOnRerun_KeepsThePreviousBlobUnchanged()
    {
        // A failed re-run must not leave a half-written blob where a good one was.
        using var store = env.CreateStore(out var container, o => { o.MaxBytes = 1_000_000; o.BlockSize = 64 * 1024; });
        var first = await store.CopyFromUrlAsync(env.Source.Url("/stream?size=500000"), Target);

        await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(env.Source.Url("/stream?size=2000000"), Target));

        Assert.Equal([first.BlobName], await BlobAssert.NamesAsync(env.Blobs, container));
        await BlobAssert.StoredAsync(env.Blobs, first, Payload.Stream(500_000), "video/mp4", Target);
    }

    [Fact]
    public async Task CopyInlineAsync_DecodedOverCap_ThrowsTooLargeAndStoresNothing()
    {
        using var store = env.CreateStore(out var container, o => { o.MaxBytes = 100_000; o.BlockSize = 64 * 1024; });

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyInlineAsync(Convert.ToBase64String(Payload.Png(100_001)), Target));

        Assert.Equal(MediaCopyErrorKind.TooLarge, error.Kind);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }
}
