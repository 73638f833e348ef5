using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Api;

/// <summary>
/// A finished job's <c>metrics</c> (issue 26): present once it ended, every part non-negative and the parts (queued, provider,
/// copy) never more than the total; Pixazo's own processing time when it reports <c>created_at</c> and <c>completed_at</c>.
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class JobMetricsTests(HostEnvironment env)
{
    [Fact]
    public async Task Metrics_SyncJob_ArePresentAndConsistent()
    {
        await using var host = await env.StartHostAsync();
        var sent = DateTimeOffset.UtcNow;

        var accepted = await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"metrics heron"}}""");
        var running = await host.GetJobAsync(accepted.Id);
        var job = await host.WaitForJobAsync(accepted.Id);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.True(running!.Status == JobStatus.Completed || running.Metrics is null, "a job reports metrics only once it ended");
        var metrics = AssertConsistent(job, sent);
        Assert.True(metrics.ProviderSeconds > 0, $"a provider call takes time: {metrics}");
        Assert.Null(metrics.ProviderProcessingSeconds);
    }

    [Fact]
    public async Task Metrics_PixazoJob_CarryPixazosOwnProcessingTime()
    {
        await using var host = await env.StartHostAsync();
        var sent = DateTimeOffset.UtcNow;

        var accepted = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"metrics pixazo heron"}}""");
        var job = await host.WaitForJobAsync(accepted.Id);

        Assert.Equal(JobStatus.Completed, job.Status);
        var metrics = AssertConsistent(job, sent);
        // The simulator reports created_at and completed_at, as the Pixazo document shows: its own processing time.
        Assert.NotNull(metrics.ProviderProcessingSeconds);
        Assert.True(metrics.ProviderProcessingSeconds >= 0, $"{metrics}");
        Assert.True(metrics.ProviderSeconds > 0, $"{metrics}");
        Assert.True(metrics.CopySeconds > 0, $"the poll that read COMPLETED stored the image: {metrics}");
    }

    [Fact]
    public async Task Metrics_FailedJob_ArePresentAndConsistent()
    {
        var prompt = $"metrics fails {Guid.NewGuid():N}";
        await env.Simulator.AddFaultAsync("400", SimulatorEndpoints.CosmicImage, promptContains: prompt);
        await using var host = await env.StartHostAsync();
        var sent = DateTimeOffset.UtcNow;

        var accepted = await host.StartJobAsync($$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompt}}}"}}""");
        var job = await host.WaitForJobAsync(accepted.Id);

        Assert.Equal(JobStatus.Failed, job.Status);
        var metrics = AssertConsistent(job, sent);
        Assert.Equal(0, metrics.CopySeconds);
    }

    private static JobMetrics AssertConsistent(JobState job, DateTimeOffset sent)
    {
        var metrics = job.Metrics;
        Assert.NotNull(metrics);
        Assert.All([metrics.QueuedSeconds, metrics.ProviderSeconds, metrics.CopySeconds, metrics.TotalSeconds], s => Assert.True(s >= 0, $"{metrics}"));
        Assert.True(metrics.TotalSeconds >= metrics.QueuedSeconds + metrics.ProviderSeconds + metrics.CopySeconds - 1e-9, $"the parts exceed the total: {metrics}");
        // The total runs from acceptance (after the request was sent) to the end of the work (before the job's last update):
        // it fits between the two, as measured by this machine's one clock (10 ms for timestamp resolution).
        Assert.True(metrics.TotalSeconds <= (job.UpdatedAt - sent).TotalSeconds + 0.01, $"{metrics} vs sent {sent:O}, last update {job.UpdatedAt:O}");
        return metrics;
    }
}
