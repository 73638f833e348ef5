using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using MediaGen.StandInHost.Tests.Support;
using MediaGen.Testing;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// Jobs run to the end in the Functions app under the stand-in host: HTTP through the front door to the worker, the
/// orchestration replayed by the real Durable extension over its out-of-process protocol, activities invoked in the worker.
/// </summary>
public sealed class JobTests(StandInAppFixture app) : IClassFixture<StandInAppFixture>
{
    [Fact]
    public async Task PostJob_CosmicImage_CompletesThroughTheDurableExtension()
    {
        using var client = app.Client();
        using var response = await client.PostAsync(
            "api/jobs",
            new StringContent("""{"kind":"image","provider":"cosmic","params":{"prompt":"a lighthouse"}}""", Encoding.UTF8, "application/json"));
        var accepted = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {accepted}\n{app.Output}");
        var id = JsonDocument.Parse(accepted).RootElement.GetProperty("id").GetString()!;

        var status = await StatusAsync(client, id, s => s is "Completed" or "Failed" or "Canceled");

        Assert.True(status == "Completed", $"job {id} ended {status}\n{app.Output}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task QueueMessage_PlainOrBase64_CompletesAsTheMessagesJob(bool base64)
    {
        var queue = new QueueClient(app.StorageConnectionString, app.Setting("RequestQueueName"));
        await queue.CreateIfNotExistsAsync();
        var job = """{"kind":"image","provider":"comet","params":{"prompt":"a queued fox"}}""";

        var sent = (await queue.SendMessageAsync(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(job)) : job)).Value;

        // A queued job belongs to the intake caller (Api__IntakeCaller, "default" here): its id is that caller's prefix + the message id.
        using var client = app.Client();
        Assert.Equal("Completed", await StatusAsync(client, IntakePrefix + sent.MessageId, s => s is "Completed" or "Failed" or "Canceled"));
    }

    [Fact]
    public async Task InboxBlob_JobSpec_CompletesThroughThePollingBlobTrigger()
    {
        var inbox = new BlobContainerClient(app.StorageConnectionString, app.Setting("BlobInboxContainerName"));
        await inbox.CreateIfNotExistsAsync();
        var name = $"spec-{Guid.NewGuid():N}.json";

        var uploaded = (await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromString("""{"kind":"image","provider":"cosmic","params":{"prompt":"an inbox heron"}}"""))).Value;

        // The job id the app derives from the blob (InboxJobFactory.InstanceId): the intake caller's prefix, container/name and ETag.
        var id = IntakePrefix + "inbox-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{inbox.Name}/{name}|{uploaded.ETag.ToString().Trim('"')}")))[..40];
        using var client = app.Client();
        Assert.Equal("Completed", await StatusAsync(client, id, s => s is "Completed" or "Failed" or "Canceled"));
    }

    /// <summary>
    /// The id prefix of the intake caller's jobs, in the documented id format (docs/host.md, JobOwner): <c>o</c>, 12 hex
    /// digits of SHA-256 of <c>mediagen-owner:</c> + the caller, <c>-</c>. Written out here: this project does not load the
    /// app's assemblies next to the host's extensions.
    /// </summary>
    private static string IntakePrefix => "o" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mediagen-owner:default")))[..12] + "-";

    private async Task<string> StatusAsync(HttpClient client, string id, Func<string, bool> done)
    {
        string? last = null;
        for (var deadline = DateTime.UtcNow + Waits.HangGuard; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var response = await client.GetAsync($"api/jobs/{Uri.EscapeDataString(id)}");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue; // a queued job starts when the trigger fires
            }

            if (response.IsSuccessStatusCode && JsonDocument.Parse(last).RootElement.GetProperty("status").GetString() is { } status && done(status))
            {
                return status;
            }
        }

        throw new TimeoutException($"Job {id} did not finish; last answer: {last}\n{app.Output}");
    }
}
