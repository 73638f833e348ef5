namespace MediaGen.Core.Tests.Media;

/// <summary>Reads stored media back from Azurite and checks it against the expected bytes.</summary>
public static class BlobAssert
{
    public static async Task StoredAsync(BlobServiceClient blobs, StoredMedia stored, byte[] expected, string contentType, MediaTarget target)
    {
        var blob = blobs.GetBlobContainerClient(stored.Container).GetBlobClient(stored.BlobName);
        var download = (await blob.DownloadContentAsync()).Value;
        Assert.Equal(expected.Length, download.Content.ToMemory().Length);
        Assert.True(expected.AsSpan().SequenceEqual(download.Content.ToMemory().Span), "stored bytes differ from the source");
        Assert.Equal(contentType, download.Details.ContentType);
        Assert.Equal(contentType, stored.ContentType);
        Assert.Equal(expected.LongLength, stored.Size);
        Assert.Equal(Payload.Sha256(expected), stored.Sha256);
        Assert.Equal(blob.Uri, stored.BlobUri);

        var metadata = download.Details.Metadata;
        Assert.Equal(Payload.Sha256(expected), metadata["sha256"]);
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata["size"]);
        Assert.Equal(target.JobId, metadata["jobid"]);
        Assert.Equal(target.ItemIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata["itemindex"]);
        if (target.Provider is not null)
        {
            Assert.Equal(target.Provider, metadata["provider"]);
        }

        if (target.Model is not null)
        {
            Assert.Equal(target.Model, metadata["model"]);
        }
    }

    public static async Task<List<string>> NamesAsync(BlobServiceClient blobs, string container)
    {
        var names = new List<string>();
        var client = blobs.GetBlobContainerClient(container);
        if (!await client.ExistsAsync())
        {
            return names;
        }

        await foreach (var item in client.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        return names;
    }
}
