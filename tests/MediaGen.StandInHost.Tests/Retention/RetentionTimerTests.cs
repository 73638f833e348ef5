using MediaGen.StandInHost.Tests.Jobs;

namespace MediaGen.StandInHost.Tests.Retention;

/// <summary>
/// The Functions app's retention timer under the stand-in host: the timer trigger is indexed from the app's metadata and
/// fired by the WebJobs timers, its invocation runs a purge pass in the worker, and an expired job answers 410.
/// </summary>
public sealed class RetentionTimerTests(RetentionAppFixture app) : IClassFixture<RetentionAppFixture>
{
    [Fact]
    public async Task RetentionPurgeTimer_FinishedJobPastThePeriod_IsPurgedAndAnswers410()
    {
        using var jobs = new AppJobs(app);
        var id = await jobs.StartIdAsync(AppJobs.PromptJob("image", "cosmic", AppJobs.UniquePrompt("expire under functions")));
        var job = await jobs.CompletedAsync(id);
        var updatedAt = job.GetProperty("updatedAt").GetDateTimeOffset();
        Assert.Equal(updatedAt + TimeSpan.FromDays(0.0001), job.GetProperty("expiresAt").GetDateTimeOffset());
        var item = Assert.Single(await jobs.AssertStoredAsync(job, "image/"));
        var uri = new Uri(item.GetProperty("blobUri").GetString()!);
        var blob = new BlobContainerClient(app.StorageConnectionString, uri.Segments[2].TrimEnd('/'))
            .GetBlobClient(Uri.UnescapeDataString(string.Concat(uri.Segments[3..])));

        var body = await jobs.UntilAsync(
            async () =>
            {
                using var response = await jobs.Client.GetAsync(AppJobs.JobPath(id));
                return response.StatusCode == HttpStatusCode.Gone ? await response.Content.ReadAsStringAsync() : null;
            },
            () => $"job {id} to expire");

        using var document = JsonDocument.Parse(body);
        var gone = document.RootElement;

        Assert.Equal("Expired", gone.GetProperty("title").GetString());
        Assert.Equal(id, gone.GetProperty("id").GetString());
        Assert.Equal(updatedAt, gone.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.False((await blob.ExistsAsync()).Value);
        Assert.Contains("Host.Functions.RetentionPurge", app.Output, StringComparison.Ordinal);
    }
}
