using System.Diagnostics;
using MediaGen.Simulator;
using MediaGen.StandInHost.Tests.Support;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// The worker process killed while it runs a job's activity: the host starts a new worker, the Durable extension runs the
/// interrupted work again in it, the job completes, and nothing is bought twice.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class WorkerRestartJobTests(StandInAppFixture app)
{
    [Fact]
    public async Task WorkerKilledDuringAPoll_NewWorkerStarts_JobCompletesBoughtOnce()
    {
        using var jobs = new AppJobs(app);
        // No webhook, and the first status poll takes 20 s: the worker is killed while that poll activity runs in it.
        var prompt = AppJobs.UniquePrompt("restart heron [sim:no-webhook,poll-slow=20000*1]");
        var before = app.WorkerProcessId ?? throw new InvalidOperationException("No worker has loaded:\n" + app.Output);
        var id = await jobs.StartIdAsync(AppJobs.PromptJob("image", "pixazo", prompt));
        var requestId = AppJobs.ProgressText(await jobs.WaitAsync(AppJobs.JobPath(id), j => AppJobs.ProgressText(j, "requestId") is not null, "the submission"), "requestId")!;
        await PollArrivedAsync(jobs, requestId);

        using (var worker = Process.GetProcessById(before))
        {
            worker.Kill();
        }

        var job = await jobs.CompletedAsync(id);
        var after = app.WorkerProcessId;
        Assert.True(after is not null && after != before, $"no new worker loaded after {before} was killed:\n{app.Output}");
        Assert.Contains($"Worker process {before} was lost", app.Output, StringComparison.Ordinal);
        await jobs.AssertStoredAsync(job, "image/");
        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        Assert.True(ledger.Polls[requestId] >= 2, $"the interrupted poll was not made again ({ledger.Polls[requestId]} polls)");
    }

    private Task PollArrivedAsync(AppJobs jobs, string requestId) =>
        jobs.UntilAsync(
            async () => (await app.Simulator.GetRequestsAsync()).Polls.GetValueOrDefault(requestId) >= 1 ? requestId : null,
            () => $"a status poll of {requestId} to reach the simulator");
}
