namespace MediaGen.Workflows.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class SyncJobsEndToEndTests(EndToEndFixture fixture)
{
    [Theory]
    [InlineData("image", "cosmic", """{"prompt":"A lighthouse"}""", "image/")]
    [InlineData("video", "cosmic", """{"prompt":"A kitten plays","duration":4}""", "video/mp4")]
    [InlineData("video-extension", "cosmic", """{"media_id":"veo-doc-example","prompt":"It walks away"}""", "video/mp4")]
    [InlineData("audio", "cosmic", """{"prompt":"Hello there","voice":"sage"}""", "audio/mpeg")]
    [InlineData("image", "comet", """{"prompt":"A paper boat","model":"dall-e-3","response_format":"url"}""", "image/")]
    [InlineData("image", "comet", """{"prompt":"A paper boat","model":"gpt-image-1","response_format":"b64_json"}""", "image/")]
    public async Task StartJob_SynchronousProviderKind_CompletesWithTheMediaStoredInBlobStorage(string kind, string provider, string parameters, string contentType)
    {
        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes($$"""{"kind":"{{kind}}","provider":"{{provider}}","params":{{parameters}}}"""));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        var item = Assert.Single(job.Result!.Items);
        Assert.StartsWith(contentType, item.ContentType, StringComparison.Ordinal);
        await StoredBlobs.AssertMatchesAsync(fixture.Blobs, item);
    }

    [Fact]
    public async Task StartJob_CosmicText_StoresTheTextAsABlobAndReturnsItInline()
    {
        var started = await fixture.Starter.StartJobAsync("""{"kind":"text","provider":"cosmic","params":{"prompt":"Write a haiku about mugs","max_tokens":100}}"""u8.ToArray());

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.False(string.IsNullOrEmpty(job!.Result!.Text));
        var bytes = await StoredBlobs.AssertMatchesAsync(fixture.Blobs, Assert.Single(job.Result.Items));
        Assert.Equal(job.Result.Text, Encoding.UTF8.GetString(bytes));
        Assert.NotNull(job.Result.Usage);
    }

    [Fact]
    public async Task StartJob_ProviderAnswers429ThenSucceeds_WaitsRetryAfterAndCompletes()
    {
        var prompt = $"A rate limited mug [sim:429=1*1] {Guid.NewGuid():N}";
        var started = await fixture.Starter.StartJobAsync(Requests.CosmicImage(prompt));

        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal("rate_limited", job.Progress!.Value.GetProperty("lastError").GetString());
        Assert.Equal(2, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Fact]
    public async Task StartJob_CallbackFailsOnce_RetriedSignedWithTheSameDeliveryIdAndResultQueued()
    {
        fixture.CallbackFailuresLeft = 1;
        var path = $"callbacks/{Guid.NewGuid():N}";
        var started = await fixture.Starter.StartJobAsync(Requests.CosmicImage(callbackUrl: new Uri(fixture.GatewayAddress, path).ToString()));

        var done = await fixture.CompleteAsync(started.Id);

        Assert.Null(done.ReadOutputAs<JobOutcome>()!.NotificationError);
        var attempts = fixture.Callbacks.Where(c => c.Path == "/" + path).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => a.Webhook.Id).Distinct());
        Assert.All(attempts, a => Assert.Null(a.Webhook.Verify(EndToEndFixture.CallbackKey)));
        Assert.Contains(started.Id, Encoding.UTF8.GetString(attempts[^1].Webhook.Body), StringComparison.Ordinal);
        Assert.True(await ResultQueuedAsync(started.Id), "the results queue holds a message for the job");
    }

    [Fact]
    public async Task StartJob_SsrfInParams_RefusedBeforeAnythingStarts()
    {
        var before = (await fixture.Simulator.GetRequestsAsync()).Total;

        var error = await Assert.ThrowsAsync<Core.Providers.Validation.RequestValidationException>(() => fixture.Starter.StartJobAsync(
            """{"kind":"video","provider":"pixazo","params":{"prompt":"Pan","image_url":"http://169.254.169.254/latest/meta-data/iam"},"idempotencyKey":"ssrf-1"}"""u8.ToArray()));

        Assert.Contains(error.Errors, e => e is { Field: "params.image_url", Rule: "blocked_url" });
        var wouldBe = JobIds.Keyed("job", JobOwner.DefaultCaller, "ssrf-1");
        Assert.Null(await fixture.Client.GetInstanceAsync(wouldBe));
        Assert.Equal(before, (await fixture.Simulator.GetRequestsAsync()).Total);
    }

    private async Task<bool> ResultQueuedAsync(string jobId)
    {
        // Other tests' results are in the queue too: read (and remove) until this job's shows up.
        var queue = fixture.Queues.GetQueueClient(fixture.Workflows.ResultsQueue);
        for (var round = 0; round < 50; round++)
        {
            var messages = (await queue.ReceiveMessagesAsync(32)).Value;
            if (messages.Length == 0)
            {
                return false;
            }

            foreach (var message in messages)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                if (message.Body.ToString().Contains(jobId, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
