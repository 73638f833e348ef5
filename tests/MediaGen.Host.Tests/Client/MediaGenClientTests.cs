using MediaGen.Client;

namespace MediaGen.Host.Tests.Client;

/// <summary><see cref="MediaGenClient"/> against the real standalone host over loopback HTTP.</summary>
[Collection(HostCollection.Name)]
public sealed class MediaGenClientTests(HostEnvironment env)
{
    [Fact]
    public async Task StartJobAsync_WithWait_ReturnsTheFinishedJobTyped()
    {
        await using var host = await env.StartHostAsync();
        var client = ClientOf(host);

        var start = await client.StartJobAsync(Image("client wait " + Guid.NewGuid().ToString("N")), TimeSpan.FromSeconds(30));

        Assert.True(start.Created);
        Assert.Null(start.Accepted);
        Assert.Equal(TimeSpan.FromSeconds(30), start.WaitApplied);
        Assert.Equal((JobStatus.Completed, JobKind.Image, ProviderName.Cosmic), (start.Final!.Status, start.Final.Kind, start.Final.Provider));
        var item = Assert.Single(start.Final.Result!.Items);
        Assert.StartsWith("image/", item.ContentType, StringComparison.Ordinal);
        var read = await client.GetJobAsync(start.Id);
        Assert.Equal((start.Final.Status, start.Final.UpdatedAt, item.BlobUri), (read!.Status, read.UpdatedAt, Assert.Single(read.Result!.Items).BlobUri));
    }

    [Fact]
    public async Task WaitForCompletionAsync_RunningJob_FollowsItsEventStreamToTheEnd()
    {
        await using var host = await env.StartHostAsync();
        var client = ClientOf(host);
        var prompt = "client follow " + Guid.NewGuid().ToString("N");
        await env.Simulator.AddFaultAsync("slow=1500", SimulatorEndpoints.CosmicImage, promptContains: prompt);

        var start = await client.StartJobAsync(Image(prompt));
        var final = await client.WaitForCompletionAsync(start.Id);

        Assert.NotNull(start.Accepted);
        Assert.Null(start.WaitApplied);
        Assert.Equal(JobStatus.Completed, final.Status);
        Assert.Equal(start.Id, final.Id);
    }

    [Fact]
    public async Task StartBatchAsync_WithWait_ReturnsTheFinishedBatch()
    {
        await using var host = await env.StartHostAsync();
        var client = ClientOf(host);
        var tag = Guid.NewGuid().ToString("N");

        var start = await client.StartBatchAsync(new BatchRequest([Image("client batch a " + tag), Image("client batch b " + tag)]), TimeSpan.FromSeconds(45));

        Assert.Equal((JobStatus.Completed, 2, 2), (start.Final!.Status, start.Final.Total, start.Final.Completed));
        Assert.Equal(start.Final.Status, (await client.WaitForBatchAsync(start.Id)).Status);
    }

    [Fact]
    public async Task ListAllJobsAsync_OnePerPage_PagesThroughEveryJob()
    {
        await using var host = await env.StartHostAsync();
        var client = ClientOf(host);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await client.StartJobAsync(Image($"client list {i} {Guid.NewGuid():N}"), TimeSpan.FromSeconds(30))).Id);
        }

        var listed = new List<string>();
        await foreach (var job in client.ListAllJobsAsync(new JobListQuery { PageSize = 1, Kinds = [JobKind.Image], Statuses = [JobStatus.Completed] }))
        {
            listed.Add(job.Id);
        }

        Assert.Equal(ids.Order(), listed.Order());
    }

    [Fact]
    public async Task Refusals_InvalidRequestUnknownIdsAndFinishedJobs_AreTypedAnswers()
    {
        await using var host = await env.StartHostAsync();
        var client = ClientOf(host);
        var done = await client.StartJobAsync(Image("client refusals " + Guid.NewGuid().ToString("N")), TimeSpan.FromSeconds(30));

        var invalid = await Assert.ThrowsAsync<MediaGenApiException>(() => client.StartJobAsync(new JobRequest(JobKind.Image, ProviderName.Cosmic, new JsonObject())));
        var unknownCancel = await Assert.ThrowsAsync<MediaGenApiException>(() => client.CancelAsync("job-does-not-exist"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains(invalid.Errors, e => e.Field == "params.prompt");
        Assert.Equal(HttpStatusCode.NotFound, unknownCancel.StatusCode);
        Assert.Null(await client.GetJobAsync("job-does-not-exist"));
        Assert.Null(await client.GetBatchAsync(done.Id));
        Assert.False(await client.CancelAsync(done.Id));
        var wrongKey = new MediaGenClient(new HttpClient { BaseAddress = host.BaseAddress }, "not-a-key-of-this-service");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<MediaGenApiException>(() => wrongKey.GetJobAsync(done.Id))).StatusCode);
    }

    [Fact]
    public async Task CallbackVerifier_RealDelivery_AcceptsItAndRefusesATamperedCopy()
    {
        await using var host = await env.StartHostAsync();
        await using var receiver = await CallbackReceiver.StartAsync(HostEnvironment.CallbackKey);
        var client = ClientOf(host);
        var request = Image("client callback " + Guid.NewGuid().ToString("N")) with { CallbackUrl = receiver.Url };

        var start = await client.StartJobAsync(request);
        await receiver.WhenAccepted(start.Id);

        var delivery = receiver.Received[0];
        var body = System.Text.Encoding.UTF8.GetString(delivery.Body);
        var verifier = new CallbackVerifier(HostEnvironment.CallbackKey);
        Assert.Null(delivery.VerifyAnySignature(HostEnvironment.CallbackKey));
        Assert.True(verifier.Verify(delivery.Id, delivery.Timestamp, delivery.Signature, body));
        Assert.False(verifier.Verify(delivery.Id, delivery.Timestamp, delivery.Signature, body.Replace("Completed", "Failed", StringComparison.Ordinal)));
        Assert.False(new CallbackVerifier(ReceivedWebhook.NewSecret()).Verify(delivery.Id, delivery.Timestamp, delivery.Signature, body));
        var late = new CallbackVerifier(HostEnvironment.CallbackKey, new ShiftedTime(TimeSpan.FromMinutes(6)));
        Assert.False(late.Verify(delivery.Id, delivery.Timestamp, delivery.Signature, body));
    }

    private static MediaGenClient ClientOf(TestHost host) => new(new HttpClient { BaseAddress = host.BaseAddress }, HostEnvironment.ApiKey);

    private static JobRequest Image(string prompt) => new(JobKind.Image, ProviderName.Cosmic, new JsonObject { ["prompt"] = prompt });

    /// <summary>The clock <paramref name="shift"/> ahead: a replay that long after the delivery.</summary>
    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
