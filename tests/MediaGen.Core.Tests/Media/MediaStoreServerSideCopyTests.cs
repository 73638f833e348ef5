using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace MediaGen.Core.Tests.Media;

/// <summary>
/// <see cref="MediaStoreOptions.UseServerSideCopy"/>: Azurite copies from its own blobs (as Azure copies from any
/// URL), and the store still records SHA-256, size and the sniffed type; a source the service cannot fetch is streamed.
/// </summary>
[Collection(MediaTestEnvironment.Name)]
public sealed class MediaStoreServerSideCopyTests(MediaTestEnvironment env)
{
    private static readonly MediaTarget Target = new("job-copy", 0) { Provider = "cosmic", Model = "veo" };

    [Fact]
    public async Task CopyFromUrlAsync_ServerSideCopy_StoresWithShaSizeAndSniffedType()
    {
        using var store = env.CreateStore(out _, o => o.UseServerSideCopy = true);
        var bytes = Payload.Stream(3 * 1024 * 1024);
        var source = env.Blobs.GetBlobContainerClient("provider-" + Guid.NewGuid().ToString("N")[..8]);
        await source.CreateAsync();
        var sourceBlob = source.GetBlobClient("out/clip.mp4");
        await sourceBlob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions { HttpHeaders = new() { ContentType = "application/octet-stream" } });
        var sasUrl = sourceBlob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));

        var stored = await store.CopyFromUrlAsync(sasUrl, Target);

        Assert.Equal("job-copy/0.mp4", stored.BlobName);
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "video/mp4", Target);
    }

    [Fact]
    public async Task CopyFromUrlAsync_ServerSideCopyOfForeignUrl_FallsBackToStreaming()
    {
        using var store = env.CreateStore(out var container, o => o.UseServerSideCopy = true);
        var bytes = Payload.Png(100_000);
        var url = env.Source.Serve(Guid.NewGuid() + ".png", bytes, "image/png");

        var stored = await store.CopyFromUrlAsync(url, Target);

        Assert.Equal(["job-copy/0.png"], await BlobAssert.NamesAsync(env.Blobs, container));
        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/png", Target);
    }

    [Fact]
    public async Task CopyFromUrlAsync_ServerSideCopyToLoopbackByDefault_RefusedBeforeTheServiceIsAsked()
    {
        using var store = env.CreateStore(out var container, o => { o.UseServerSideCopy = true; o.AllowedNetworks = ""; });

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(new Uri("http://169.254.169.254/latest/meta-data/"), Target));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }
}
