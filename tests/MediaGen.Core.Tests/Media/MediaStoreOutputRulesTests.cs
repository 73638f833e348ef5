namespace MediaGen.Core.Tests.Media;

/// <summary>
/// What the store refuses to write, on Azurite: media whose content type the job's kind does not store (HTML where an
/// image was due, JSON, octet-stream), and any container that is not an output container — nothing is committed.
/// </summary>
[Collection(MediaTestEnvironment.Name)]
public sealed class MediaStoreOutputRulesTests(MediaTestEnvironment env)
{
    private static readonly MediaTarget ImageJob = new("job-rules", 0) { Provider = "cosmic", Kind = JobKind.Image };

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task CopyFromUrlAsync_ImageJobGetsNonMedia_ThrowsUnsupportedMediaTypeAndStoresNothing(string? header)
    {
        using var store = env.CreateStore(out var container);
        var url = env.Source.Serve(Guid.NewGuid() + "/page", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), header);

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(url, ImageJob));

        Assert.Equal(MediaCopyErrorKind.UnsupportedMediaType, error.Kind);
        Assert.Equal("unsupported_media_type", error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains("image jobs do not store", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_AudioJobGetsAnImage_ThrowsUnsupportedMediaTypeAndStoresNothing()
    {
        using var store = env.CreateStore(out var container);
        var url = env.Source.Serve(Guid.NewGuid() + ".png", Payload.Png(2_000), "image/png");

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(url, ImageJob with { Kind = JobKind.Audio }));

        Assert.Equal(MediaCopyErrorKind.UnsupportedMediaType, error.Kind);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyInlineAsync_SvgDataUriForAnImageJob_ThrowsUnsupportedMediaType()
    {
        using var store = env.CreateStore(out var container);
        var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"));

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyInlineAsync("data:image/svg+xml;base64," + svg, ImageJob));

        Assert.Equal(MediaCopyErrorKind.UnsupportedMediaType, error.Kind);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task UploadAsync_TextJobWhoseTextLooksLikeABitmap_StoresItAsText()
    {
        using var store = env.CreateStore(out _);
        var bytes = Encoding.UTF8.GetBytes("BMW and Mercedes compared, in three short paragraphs.");
        await using var content = new MemoryStream(bytes);
        var target = ImageJob with { Kind = JobKind.Text, ContentType = "text/plain" };

        var stored = await store.UploadAsync(content, target);

        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "text/plain", target);
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("some-other-container")]
    public async Task CopyFromUrlAsync_ContainerNotAnOutput_ThrowsContainerNotAllowedAndWritesNothing(string container)
    {
        using var store = env.CreateStore(out _, o => o.Reserve("inbox", "BlobInboxContainerName"));
        var url = env.Source.Serve(Guid.NewGuid() + ".png", Payload.Png(2_000), "image/png");

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(url, ImageJob with { Container = container }));

        Assert.Equal(MediaCopyErrorKind.ContainerNotAllowed, error.Kind);
        Assert.Equal("container_not_allowed", error.Code);
        Assert.False(await env.Blobs.GetBlobContainerClient(container).ExistsAsync());
    }

    [Fact]
    public async Task CopyFromUrlAsync_ListedAllowedContainer_StoresThere()
    {
        var other = "allowed-" + Guid.NewGuid().ToString("N")[..12];
        using var store = env.CreateStore(out _, o => o.AllowedContainers = other);
        var bytes = Payload.Png(2_000);
        var url = env.Source.Serve(Guid.NewGuid() + ".png", bytes, "image/png");

        var stored = await store.CopyFromUrlAsync(url, ImageJob with { Container = other });

        Assert.Equal(other, stored.Container);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/png", ImageJob);
    }
}
