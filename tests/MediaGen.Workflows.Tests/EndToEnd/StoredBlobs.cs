using System.Security.Cryptography;

namespace MediaGen.Workflows.Tests.EndToEnd;

/// <summary>Checks result items against the blobs they name.</summary>
internal static class StoredBlobs
{
    /// <summary>Downloads the item's blob and asserts its size, SHA-256 and content type match the result; returns the bytes.</summary>
    public static async Task<byte[]> AssertMatchesAsync(BlobServiceClient blobs, JobResultItem item)
    {
        var path = item.BlobUri.AbsolutePath.TrimStart('/').Split('/', 3);
        var blob = blobs.GetBlobContainerClient(path[1]).GetBlobClient(Uri.UnescapeDataString(path[2]));
        var content = (await blob.DownloadContentAsync()).Value;
        var bytes = content.Content.ToArray();
        Assert.Equal(item.Size, bytes.LongLength);
        Assert.Equal(item.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(item.ContentType, content.Details.ContentType);
        return bytes;
    }

    /// <summary>Blob names under a job's folder in the default container.</summary>
    public static async Task<List<string>> NamesAsync(BlobServiceClient blobs, string jobId)
    {
        var names = new List<string>();
        await foreach (var blob in blobs.GetBlobContainerClient("media").GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = jobId + "/" }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
