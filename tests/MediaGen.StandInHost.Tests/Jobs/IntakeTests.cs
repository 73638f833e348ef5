using System.Security.Cryptography;
using Azure.Storage.Queues;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// The queue and blob triggers under the stand-in host, through the real Storage extensions' listeners: queue messages
/// (plain and base64) become jobs, a malformed one is poisoned with its reason, and an inbox upload becomes exactly one job
/// even when the blob trigger fires for it again.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed partial class IntakeTests(StandInAppFixture app)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task QueueMessage_PlainOrBase64_CompletesAsTheMessagesJob(bool base64)
    {
        var queue = await RequestQueueAsync();
        var prompt = AppJobs.UniquePrompt("a queued fox");
        var job = AppJobs.PromptJob("image", "comet", prompt);

        var sent = (await queue.SendMessageAsync(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(job)) : job)).Value;

        // A queued job belongs to the intake caller: its id is that caller's prefix + the message id.
        using var jobs = new AppJobs(app);
        await jobs.AssertStoredAsync(await jobs.CompletedAsync(AppJobs.QueueJobId(sent.MessageId)), "image/");
        Assert.Equal(1, (await app.Simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.CometImages, prompt));
    }

    [Fact]
    public async Task QueueMessage_Malformed_IsPoisonedWithTheReasonAndStartsNothing()
    {
        var queue = await RequestQueueAsync();
        var poison = new QueueClient(app.StorageConnectionString, queue.Name + "-poison");

        var sent = (await queue.SendMessageAsync("""{"kind":"image","provider":"comet","params":{"prompt":"half a message""")).Value;

        var envelope = await PoisonedAsync(poison, sent.MessageId);
        Assert.Equal("invalid", envelope.GetProperty("reason").GetString());
        Assert.NotEmpty(envelope.GetProperty("errors").EnumerateArray());
        Assert.Equal("$", envelope.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.StartsWith("""{"kind":"image""", envelope.GetProperty("originalMessage").GetString(), StringComparison.Ordinal);
        using var jobs = new AppJobs(app);
        using var status = await jobs.Client.GetAsync(AppJobs.JobPath(AppJobs.QueueJobId(sent.MessageId)));
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        // Handled once, not retried: the trigger completed the message, so it is gone from the requests queue.
        Assert.DoesNotContain((await queue.PeekMessagesAsync(32)).Value, m => m.MessageId == sent.MessageId);
    }

    [Fact]
    public async Task InboxBlob_TriggerFiresAgainForTheSameUpload_StartsExactlyOneJob()
    {
        var inbox = await InboxAsync();
        var name = $"spec-{Guid.NewGuid():N}.json";
        var prompt = AppJobs.UniquePrompt("an inbox heron");
        var uploaded = (await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromString(AppJobs.PromptJob("image", "cosmic", prompt)))).Value;
        var id = InboxJobId(inbox.Name, name, uploaded.ETag.ToString());
        using var jobs = new AppJobs(app);
        await jobs.AssertStoredAsync(await jobs.CompletedAsync(id), "image/");

        // The trigger fires again for the same upload: the blob trigger's own message for it, delivered once more (what a
        // redelivery, or another host instance's scan of the container, hands the function).
        await RefireBlobTriggerAsync(inbox.Name, name);
        await StartedLinesAsync(name, 2);

        Assert.Equal([$"{id} (created: True)", $"{id} (created: False)"], StartedLines(name));
        Assert.Equal(1, (await app.Simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.CosmicImage, prompt));
        Assert.Equal("Completed", AppJobs.Status(await jobs.GetAsync(AppJobs.JobPath(id))));
    }

    [Fact]
    public async Task InboxBlob_SameContentUploadedAgain_IsOneMoreJob()
    {
        var inbox = await InboxAsync();
        var name = $"spec-{Guid.NewGuid():N}.json";
        var prompt = AppJobs.UniquePrompt("an inbox egret");
        var spec = BinaryData.FromString(AppJobs.PromptJob("image", "cosmic", prompt));
        using var jobs = new AppJobs(app);
        var first = (await inbox.GetBlobClient(name).UploadAsync(spec)).Value;
        await jobs.CompletedAsync(InboxJobId(inbox.Name, name, first.ETag.ToString()));

        var second = (await inbox.GetBlobClient(name).UploadAsync(spec, overwrite: true)).Value;
        await jobs.CompletedAsync(InboxJobId(inbox.Name, name, second.ETag.ToString()));

        // One job per upload: the second upload (a new ETag) is a job of its own, and neither upload's job started twice.
        await StartedLinesAsync(name, 2);
        Assert.Equal(
            [$"{InboxJobId(inbox.Name, name, first.ETag.ToString())} (created: True)", $"{InboxJobId(inbox.Name, name, second.ETag.ToString())} (created: True)"],
            StartedLines(name));
        Assert.Equal(2, (await app.Simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Fact]
    public async Task InboxBlob_Image_BecomesAPixazoImageToVideoJobThatCompletes()
    {
        var inbox = await InboxAsync();
        var name = $"frame-{Guid.NewGuid():N}.png";
        var prompt = AppJobs.UniquePrompt("the heron takes off");
        var image = inbox.GetBlobClient(name);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 64).Select(i => (byte)i)];

        var uploaded = (await image.UploadAsync(BinaryData.FromBytes(png), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = new Dictionary<string, string> { ["prompt"] = prompt } })).Value;

        using var jobs = new AppJobs(app);
        var job = await jobs.CompletedAsync(InboxJobId(inbox.Name, name, uploaded.ETag.ToString()));
        Assert.Equal("video", job.GetProperty("kind").GetString());
        Assert.Equal("pixazo", job.GetProperty("provider").GetString());
        await jobs.AssertStoredAsync(job, "video/");
        Assert.Equal(1, (await app.Simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.PixazoImageToVideo, prompt));
    }

    /// <summary>The job id the app derives from an upload (InboxJobFactory.InstanceId under the intake caller's prefix).</summary>
    private static string InboxJobId(string container, string name, string etag) =>
        AppJobs.IntakePrefix + "inbox-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{container}/{name}|{etag.Trim('"')}")))[..40];

    private async Task<QueueClient> RequestQueueAsync()
    {
        var queue = new QueueClient(app.StorageConnectionString, app.Setting("RequestQueueName"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private async Task<BlobContainerClient> InboxAsync()
    {
        var inbox = new BlobContainerClient(app.StorageConnectionString, app.Setting("BlobInboxContainerName"));
        await inbox.CreateIfNotExistsAsync();
        return inbox;
    }

    /// <summary>Waits for the poison queue's envelope of message <paramref name="messageId"/>.</summary>
    private async Task<JsonElement> PoisonedAsync(QueueClient poison, string messageId)
    {
        using var jobs = new AppJobs(app);
        var envelope = await jobs.UntilAsync(
            async () => await poison.ExistsAsync()
                ? (await poison.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).FirstOrDefault(body => MessageIdOf(body) == messageId)
                : null,
            () => $"message {messageId} to reach {poison.Name}");
        using var document = JsonDocument.Parse(envelope);
        return document.RootElement.Clone();
    }

    private static string? MessageIdOf(string envelope)
    {
        using var document = JsonDocument.Parse(envelope);
        return AppJobs.Text(document.RootElement, "messageId");
    }

    /// <summary>
    /// Hands the polling blob trigger its message for <paramref name="container"/>/<paramref name="name"/> once more: the
    /// message its scan enqueued (to <c>azure-webjobs-blobtrigger-&lt;host id&gt;</c>) when it found the upload, with the
    /// host id, function id and ETag read from the receipt the scan wrote (<c>blobreceipts/&lt;host id&gt;/&lt;function
    /// id&gt;/&lt;ETag&gt;/&lt;container&gt;/&lt;name&gt;</c> in <c>azure-webjobs-hosts</c>).
    /// </summary>
    private async Task RefireBlobTriggerAsync(string container, string name)
    {
        var hosts = new BlobContainerClient(app.StorageConnectionString, "azure-webjobs-hosts");
        string? receipt = null;
        await foreach (var blob in hosts.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "blobreceipts/" }))
        {
            receipt = blob.Name.EndsWith($"/{container}/{name}", StringComparison.Ordinal) ? blob.Name : receipt;
        }

        Assert.True(receipt is not null, $"No blob trigger receipt for {container}/{name}");
        var parts = receipt.Split('/');
        var (hostId, functionId, etag) = (parts[1], parts[2], parts[3]);
        var message = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "BlobTrigger", ["FunctionId"] = functionId, ["BlobType"] = "BlockBlob", ["ContainerName"] = container, ["BlobName"] = name, ["ETag"] = etag,
        });
        // The extension's own queue clients for this queue encode in base64 (its QueuesOptions default; host.json does not reach them).
        var blobTriggerQueue = new QueueClient(app.StorageConnectionString, "azure-webjobs-blobtrigger-" + hostId, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await blobTriggerQueue.SendMessageAsync(message);
    }

    /// <summary>The app's log lines for inbox blob <paramref name="name"/>: "&lt;job id&gt; (created: …)" per trigger firing, in order.</summary>
    private string[] StartedLines(string name) =>
        [.. InboxStartedLine().Matches(app.Output).Where(m => m.Groups["blob"].Value == name).Select(m => m.Groups["job"].Value)];

    private async Task StartedLinesAsync(string name, int count)
    {
        using var jobs = new AppJobs(app);
        await jobs.UntilAsync(() => Task.FromResult(StartedLines(name) is { } lines && lines.Length >= count ? lines : null), () => $"the inbox function to run {count} times for {name}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Inbox blob (?<blob>\S+) -> job (?<job>\S+ \(created: \w+\))")]
    private static partial System.Text.RegularExpressions.Regex InboxStartedLine();
}
