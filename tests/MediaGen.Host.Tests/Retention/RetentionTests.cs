using MediaGen.Core.Jobs;
using MediaGen.Workflows.Retention;
using Microsoft.DurableTask.Client;

namespace MediaGen.Host.Tests.Retention;

/// <summary>
/// Retention on the real standalone host (Azurite, the real engine): a pass run with a clock moved past the period, exactly
/// as the background service runs it (<see cref="RetentionPurger.PurgeOnceAsync"/>), and the background service itself.
/// In the jobs collection: one test holds a Pixazo job waiting through the simulator's timing.
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class RetentionTests(HostEnvironment env)
{
    private const string OtherKey = "retention-other-key-0123456789";

    [Fact]
    public async Task PurgeOnce_FinishedPastPeriod_DeletesHistoryAndMediaAndAnswers410ButLeavesRunningJob()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Retention:Days"] = "1",
            ["Api:Keys:other"] = OtherKey,
        });
        var job = await host.WaitForJobAsync((await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"expire me"}}""")).Id);
        var batch = await host.StartJobAsync("""{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"expire batch"}}]}""", "/api/batches");
        var batchState = await Waits.ForAsync(async () => await GetBatchAsync(host, batch.Id) is { Status: JobStatus.Completed } done ? done : null, "batch done");
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(job.UpdatedAt + TimeSpan.FromDays(1), job.ExpiresAt);
        Assert.Equal(batchState.UpdatedAt + TimeSpan.FromDays(1), batchState.ExpiresAt);
        var item = await host.GetJobAsync(Assert.Single(batchState.Items).JobId);
        var blobs = new[] { BlobOf(host, job), BlobOf(host, item!) };
        Assert.All(blobs, blob => Assert.True(blob.Exists().Value));

        env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMinutes(5);
        try
        {
            var running = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"keep me running"}}""");
            await host.WaitForJobAsync(running.Id, j => j.Status == JobStatus.Running);
            var clock = new MovedClock(TimeSpan.FromDays(2));

            var result = await PurgerAt(host, clock).PurgeOnceAsync();

            Assert.Equal(3, result.Expired); // the job, the batch and its item
            Assert.True(result.BlobsDeleted >= 2, $"deleted {result.BlobsDeleted} blobs");
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            foreach (var id in new[] { job.Id, batch.Id, item!.Id })
            {
                Assert.Null(await client.GetInstanceAsync(id));
                Assert.Empty(await client.GetOrchestrationHistoryAsync(id));
            }

            Assert.All(blobs, blob => Assert.False(blob.Exists().Value));
            var gone = await ExpiredProblemAsync(host.Api, $"/api/jobs/{job.Id}");
            Assert.Contains($"'{job.Id}' expired at", gone.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(clock.GetUtcNow(), gone.GetProperty("expiredAt").GetDateTimeOffset());
            Assert.Equal(job.UpdatedAt, gone.GetProperty("finishedAt").GetDateTimeOffset());
            Assert.Equal("Completed", gone.GetProperty("jobStatus").GetString());
            await ExpiredProblemAsync(host.Api, $"/api/batches/{batch.Id}");
            await ExpiredProblemAsync(host.Api, $"/api/jobs/{item.Id}");
            await ExpiredProblemAsync(host.Api, $"/api/jobs/{job.Id}/events");
            using var other = host.ClientWithKey(OtherKey);
            using var otherAnswer = await other.GetAsync(new Uri($"/api/jobs/{job.Id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, otherAnswer.StatusCode);
            using var list = await host.Api.GetAsync(new Uri("/api/jobs", UriKind.Relative));
            var listed = JsonDocument.Parse(await list.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")
                .EnumerateArray().Select(j => j.GetProperty("id").GetString()).ToList();
            Assert.Equal([running.Id], listed);

            var stillRunning = await host.GetJobAsync(running.Id);
            Assert.Equal(JobStatus.Running, stillRunning!.Status);
            Assert.Null(stillRunning.ExpiresAt);
            Assert.Equal(0, (await PurgerAt(host, clock).PurgeOnceAsync()).Expired); // a second pass finds nothing more
            using var cancel = await host.Api.PostAsync(new Uri($"/api/jobs/{running.Id}/cancel", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            await host.WaitForJobAsync(running.Id);
        }
        finally
        {
            env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMilliseconds(50);
        }
    }

    [Fact]
    public async Task PurgeOnce_RetentionOff_PurgesNothingAndJobsCarryNoExpiresAt()
    {
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["Retention:Days"] = "0" });
        var accepted = await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"keep forever"}}""");
        var job = await host.WaitForJobAsync(accepted.Id);
        using var raw = await host.Api.GetAsync(new Uri($"/api/jobs/{job.Id}", UriKind.Relative));
        var json = JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement;

        var result = await PurgerAt(host, new MovedClock(TimeSpan.FromDays(3650))).PurgeOnceAsync();

        Assert.False(json.TryGetProperty("expiresAt", out _), json.ToString());
        Assert.Null(result.Cutoff);
        Assert.Equal(0, result.Instances);
        Assert.NotNull(await host.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(job.Id));
        Assert.True(BlobOf(host, job).Exists().Value);
        Assert.Equal(JobStatus.Completed, (await host.GetJobAsync(job.Id))!.Status);
    }

    [Fact]
    public async Task BackgroundService_TinyPeriod_ExpiresFinishedJobOnItsOwn()
    {
        // 0.00001 days is under a second: the service's next pass (every second) expires the job once it has ended.
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Retention:Days"] = "0.00001",
            ["Retention:PurgeInterval"] = "00:00:01",
        });
        var accepted = await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"expire soon"}}""");

        var gone = await Waits.ForAsync(async () =>
        {
            var response = await host.Api.GetAsync(new Uri($"/api/jobs/{accepted.Id}", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.Gone ? response : null;
        }, "the job to expire");

        using (gone)
        {
            Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
            Assert.Contains("expired", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_NegativeRetentionDays_FailsNamingTheSetting()
    {
        var failure = await env.StartFailureAsync(overrides: new Dictionary<string, string?> { ["Retention:Days"] = "-1" });

        var validation = Assert.IsType<OptionsValidationException>(failure is AggregateException { InnerException: { } inner } ? inner : failure);
        Assert.Contains("Retention:Days must be 0 (keep finished jobs and their media forever) or a positive number of days up to 36500; it is -1.", validation.Message, StringComparison.Ordinal);
    }

    /// <summary>The purger as the host builds it, with <paramref name="clock"/> as its time.</summary>
    private static RetentionPurger PurgerAt(TestHost host, TimeProvider clock) =>
        ActivatorUtilities.CreateInstance<RetentionPurger>(host.Services, clock);

    private static BlobClient BlobOf(TestHost host, JobState job)
    {
        var uri = Assert.Single(job.Result!.Items).BlobUri;
        return host.Blobs.GetBlobContainerClient(uri.Segments[2].TrimEnd('/')).GetBlobClient(string.Concat(uri.Segments[3..]));
    }

    private static async Task<BatchState?> GetBatchAsync(TestHost host, string id)
    {
        using var response = await host.Api.GetAsync(new Uri($"/api/batches/{id}", UriKind.Relative));
        return JsonSerializer.Deserialize<BatchState>(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(), JobJson.Options);
    }

    private static async Task<JsonElement> ExpiredProblemAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Gone, $"{path}: expected 410, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Expired", problem.GetProperty("title").GetString());
        return problem;
    }

    /// <summary>The system clock moved by a fixed offset: what the purger sees <c>offset</c> from now.</summary>
    private sealed class MovedClock(TimeSpan offset) : TimeProvider
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow + offset;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
