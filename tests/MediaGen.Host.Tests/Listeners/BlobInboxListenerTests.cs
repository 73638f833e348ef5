using Azure;
using Azure.Storage.Blobs.Models;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Host.Listeners;

namespace MediaGen.Host.Tests.Listeners;

[Collection(IntakeCollection.Name)]
public sealed class BlobInboxListenerTests(HostEnvironment env)
{
    [Fact]
    public async Task JsonSpec_Uploaded_StartsThatJobAndRecordsIt()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "inbox spec " + Guid.NewGuid().ToString("N");

        var etag = await UploadAsync(host, "specs/fox.json", $$$"""{"kind":"image","provider":"comet","params":{"prompt":"{{{prompt}}}"}}""");

        var record = await RecordAsync(host, "specs/fox.json");
        Assert.Equal("started", record.Status);
        Assert.Equal(TestHost.InboxId(InboxJobFactory.InstanceId(host.Names.Inbox, "specs/fox.json", etag.ToString())), record.JobId);
        var job = await host.WaitForJobAsync(record.JobId!);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(ProviderName.Comet, job.Provider);
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CometImages, prompt));
    }

    [Fact]
    public async Task Image_Uploaded_StartsPixazoImageToVideoWithThePromptFromMetadata()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "waves rolling in " + Guid.NewGuid().ToString("N");

        await UploadAsync(host, "beach.PNG", PngBytes(), new Dictionary<string, string> { ["prompt"] = prompt });

        var record = await RecordAsync(host, "beach.PNG");
        var job = await host.WaitForJobAsync(record.JobId!);
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal((JobKind.Video, ProviderName.Pixazo), (job.Kind, job.Provider));
        Assert.Equal("video/mp4", Assert.Single(job.Result!.Items).ContentType);
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoImageToVideo, prompt));
    }

    [Fact]
    public async Task Image_NoPromptMetadata_UsesTheConfiguredDefaultPrompt()
    {
        var prompt = "default motion " + Guid.NewGuid().ToString("N");
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["BlobInbox:DefaultPrompt"] = prompt });

        await UploadAsync(host, "still.webp", PngBytes());

        await host.WaitForJobAsync((await RecordAsync(host, "still.webp")).JobId!);
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoImageToVideo, prompt));
    }

    [Theory]
    [InlineData("bad.json", """{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"colour":"red"}""", "colour")]
    [InlineData("broken.json", """{"kind": """, "$")]
    [InlineData("notes.txt", "hello", "$")]
    public async Task InvalidBlob_IsRecordedFailedWithTheErrors_AndNotRetried(string name, string content, string field)
    {
        await using var host = await env.StartHostAsync();

        await UploadAsync(host, name, content);

        var record = await RecordAsync(host, name);
        Assert.Equal("failed", record.Status);
        Assert.Null(record.JobId);
        Assert.Contains(record.Errors!, e => e.Field == field);
        var markerETag = await MarkerETagAsync(host, name);
        await UploadAsync(host, "later.json", """{"kind":"text","provider":"cosmic","params":{"prompt":"later"}}""");
        await RecordAsync(host, "later.json");
        Assert.Equal(markerETag, await MarkerETagAsync(host, name));
        Assert.Single((await ListJobsAsync(host)).Jobs);
    }

    [Fact]
    public async Task HostRestart_AlreadyProcessedBlob_StartsNoSecondJob()
    {
        var names = HostNames.Unique();
        var prompt = "restart " + Guid.NewGuid().ToString("N");
        ETag markerETag;
        string jobId;
        await using (var first = await env.StartHostAsync(names))
        {
            await UploadAsync(first, "one.json", $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompt}}}"}}""");
            jobId = (await RecordAsync(first, "one.json")).JobId!;
            await first.WaitForJobAsync(jobId);
            markerETag = await MarkerETagAsync(first, "one.json");
        }

        await using var second = await env.StartHostAsync(names);
        await UploadAsync(second, "two.json", """{"kind":"text","provider":"cosmic","params":{"prompt":"after restart"}}""");
        await second.WaitForJobAsync((await RecordAsync(second, "two.json")).JobId!);

        // The second host scanned the inbox (it found two.json) and left one.json alone.
        Assert.Equal(markerETag, await MarkerETagAsync(second, "one.json"));
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
        Assert.Equal(2, (await ListJobsAsync(second)).Jobs.Count);
    }

    [Fact]
    public async Task TwoHosts_SameInbox_EachBlobStartsOneJob()
    {
        var names = HostNames.Unique();
        await using var a = await env.StartHostAsync(names);
        await using var b = await env.StartHostAsync(names);
        var prompts = Enumerable.Range(0, 4).Select(i => $"shared {i} {Guid.NewGuid():N}").ToList();

        for (var i = 0; i < prompts.Count; i++)
        {
            await UploadAsync(a, $"shared-{i}.json", $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompts[i]}}}"}}""");
        }

        for (var i = 0; i < prompts.Count; i++)
        {
            await b.WaitForJobAsync((await RecordAsync(b, $"shared-{i}.json")).JobId!);
        }

        var ledger = await env.Simulator.GetRequestsAsync();
        Assert.All(prompts, prompt => Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.CosmicImage, prompt)));
        Assert.Equal(prompts.Count, (await ListJobsAsync(a)).Jobs.Count);
    }

    [Fact]
    public async Task CreateAsync_Image_GivesAReadOnlySasUrlThatReadsTheImage()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["BlobInbox:Enabled"] = "false" });
        var container = host.Blobs.GetBlobContainerClient(host.Names.Inbox);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("sas.jpg").UploadAsync(BinaryData.FromBytes(PngBytes()));
        BlobItem? item = null;
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = "sas.jpg" }))
        {
            item = blob;
        }

        Assert.NotNull(item);

        var json = await InboxJobFactory.CreateAsync(
            container.GetBlobClient(item.Name), item.Properties.ETag, item.Properties.ContentLength, item.Metadata, new BlobInboxOptions(), DateTimeOffset.UtcNow, CancellationToken.None);

        var url = new Uri(JsonDocument.Parse(json).RootElement.GetProperty("params").GetProperty("image_url").GetString()!);
        Assert.Contains("sp=r&", url.Query, StringComparison.Ordinal);
        Assert.Contains("sig=", url.Query, StringComparison.Ordinal);
        Assert.Equal(PngBytes(), (await new BlobClient(url).DownloadContentAsync()).Value.Content.ToArray());
        await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(url).UploadAsync(BinaryData.FromString("overwrite"), overwrite: true));
    }

    private static byte[] PngBytes() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private static Task<ETag> UploadAsync(TestHost host, string name, string content, IDictionary<string, string>? metadata = null) =>
        UploadAsync(host, name, System.Text.Encoding.UTF8.GetBytes(content), metadata);

    private static async Task<ETag> UploadAsync(TestHost host, string name, byte[] content, IDictionary<string, string>? metadata = null)
    {
        var container = host.Blobs.GetBlobContainerClient(host.Names.Inbox);
        await container.CreateIfNotExistsAsync();
        return (await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { Metadata = metadata })).Value.ETag;
    }

    private static Task<InboxRecord> RecordAsync(TestHost host, string name) =>
        Waits.ForAsync(async () =>
        {
            var marker = host.Blobs.GetBlobContainerClient(host.Names.Processed).GetBlobClient(name);
            return await marker.ExistsAsync()
                ? JsonSerializer.Deserialize<InboxRecord>((await marker.DownloadContentAsync()).Value.Content.ToString(), JobJson.Options)
                : null;
        }, $"the inbox record of {name}");

    private static async Task<ETag> MarkerETagAsync(TestHost host, string name) =>
        (await host.Blobs.GetBlobContainerClient(host.Names.Processed).GetBlobClient(name).GetPropertiesAsync()).Value.ETag;

    private static async Task<JobPage> ListJobsAsync(TestHost host) =>
        (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<JobPage>(host.Api, new Uri("/api/jobs", UriKind.Relative), JobJson.Options))!;
}
