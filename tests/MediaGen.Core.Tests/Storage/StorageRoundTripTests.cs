using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using MediaGen.Launcher;

namespace MediaGen.Core.Tests.Storage;

/// <summary>The real Azure Storage SDK against a test-owned Azurite.</summary>
public sealed class StorageRoundTripTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task UploadDownload_WithMetadata_RoundTripsBytesContentTypeAndMetadata()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "roundtrip-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("demo/item-0.png");
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        await blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "image/png" },
            Metadata = new Dictionary<string, string> { ["provider"] = "pixazo", ["jobid"] = "job-1" },
        });

        var download = await blob.DownloadContentAsync();
        Assert.Equal(bytes, download.Value.Content.ToArray());
        Assert.Equal("image/png", download.Value.Details.ContentType);
        Assert.Equal("pixazo", download.Value.Details.Metadata["provider"]);
        Assert.Equal("job-1", download.Value.Details.Metadata["jobid"]);

        var listed = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = "demo/" }))
        {
            listed.Add(item.Name);
        }

        Assert.Equal(["demo/item-0.png"], listed);
    }

    [Fact]
    public async Task SendReceiveDelete_OneMessage_QueueEndsEmpty()
    {
        var queue = new QueueClient(azurite.ConnectionString, "roundtrip-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("""{"kind":"image"}""");
        var received = (await queue.ReceiveMessagesAsync(maxMessages: 1)).Value.Single();
        Assert.Equal("""{"kind":"image"}""", received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);

        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        var properties = await queue.GetPropertiesAsync();
        Assert.Equal(0, properties.Value.ApproximateMessagesCount);
        Assert.Empty((await queue.ReceiveMessagesAsync(maxMessages: 1)).Value);
    }

    [Fact]
    public async Task StartAsync_TwoInstances_UseDistinctPortsAndStopCleanly()
    {
        var second = await AzuriteInstance.StartAsync();
        var folder = second.DataFolder;
        try
        {
            Assert.NotEqual(azurite.Azurite.BlobPort, second.BlobPort);
            Assert.NotEqual(azurite.Azurite.QueuePort, second.QueuePort);
            var client = new BlobServiceClient(second.ConnectionString);
            await client.GetBlobContainerClient("isolated").CreateAsync();
            Assert.False(await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("isolated").ExistsAsync());
        }
        finally
        {
            await second.DisposeAsync();
        }

        Assert.False(Directory.Exists(folder));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync($"http://127.0.0.1:{second.BlobPort}/"));
    }

    [Fact]
    public async Task StartAsync_InMemory_ServesBlobsAndQueues()
    {
        await using var memory = await AzuriteInstance.StartAsync(inMemory: true);
        var container = new BlobContainerClient(memory.ConnectionString, "inmemory");
        await container.CreateAsync();
        var blob = container.GetBlobClient("a.txt");
        await blob.UploadAsync(new BinaryData("kept in memory"));
        var queue = new QueueClient(memory.ConnectionString, "inmemory");
        await queue.CreateAsync();
        await queue.SendMessageAsync("m");

        Assert.Equal("kept in memory", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal("m", (await queue.ReceiveMessagesAsync(1)).Value.Single().Body.ToString());
    }

    [Fact]
    public async Task Metadata_Utf8ContentAndLargeBlob_RoundTripsThroughStreams()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "large-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateIfNotExistsAsync();
        var payload = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("mediagen-", 1_000_000)));
        var blob = container.GetBlobClient("big.bin");

        await using (var source = new MemoryStream(payload))
        {
            await blob.UploadAsync(source, new BlobUploadOptions { TransferOptions = new() { MaximumTransferSize = 4 * 1024 * 1024 } });
        }

        var properties = await blob.GetPropertiesAsync();
        Assert.Equal(payload.LongLength, properties.Value.ContentLength);
        await using var read = await blob.OpenReadAsync();
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(payload, copy.ToArray());
    }
}
