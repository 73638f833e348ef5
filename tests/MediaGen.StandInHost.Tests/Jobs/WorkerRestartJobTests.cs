using Azure.Storage.Blobs.Models;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// The worker process killed while it runs a job's activity: the host starts a new worker, the orchestration makes the
/// interrupted call again in it, and nothing is bought twice — a poll cut off is made again and the job completes; a
/// purchase cut off is not made again (whether the provider sold it is unknown) and the job ends <c>interrupted</c>.
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

        KillWorker(before);

        var job = await jobs.CompletedAsync(id);
        AssertReplaced(before);
        await jobs.AssertStoredAsync(job, "image/");
        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        Assert.True(ledger.Polls[requestId] >= 2, $"the interrupted poll was not made again ({ledger.Polls[requestId]} polls)");
    }

    [Fact]
    public async Task WorkerKilledDuringAPurchase_NewWorkerStarts_JobEndsInterruptedAndTheProviderIsNotAskedAgain()
    {
        using var jobs = new AppJobs(app);
        // Cosmic takes 20 s to answer: the worker is killed while it waits, when nobody can know whether Cosmic sold the image.
        var prompt = AppJobs.UniquePrompt("interrupted lighthouse [sim:slow=20000]");
        var before = app.WorkerProcessId ?? throw new InvalidOperationException("No worker has loaded:\n" + app.Output);
        var id = await jobs.StartIdAsync(AppJobs.PromptJob("image", "cosmic", prompt));
        await ClaimedAsync(jobs, id);

        KillWorker(before);

        var job = await jobs.WaitForEndAsync(id);
        AssertReplaced(before);
        Assert.True(AppJobs.Status(job) == "Failed" && job.GetProperty("error").GetProperty("type").GetString() == "interrupted", job.ToString());
        // The step ran again in the new worker, found its claim cut off, and did not buy again: no second call reached Cosmic.
        Assert.DoesNotContain((await app.Simulator.GetRequestsAsync()).Requests, r => r.Prompt == prompt && r.Attempt > 1);
    }

    private static void KillWorker(int pid)
    {
        using var worker = Process.GetProcessById(pid);
        worker.Kill();
    }

    private void AssertReplaced(int killed)
    {
        var now = app.WorkerProcessId;
        Assert.True(now is not null && now != killed, $"no new worker loaded after {killed} was killed:\n{app.Output}");
        Assert.Contains($"Worker process {killed} was lost", app.Output, StringComparison.Ordinal);
    }

    /// <summary>Waits for the generation ledger's claim of the job's first step: leased while the provider call runs.</summary>
    private Task ClaimedAsync(AppJobs jobs, string id)
    {
        var claim = new BlobClient(app.StorageConnectionString, app.Setting("Workflows__StateContainer"), $"generations/{id}/step-0.json");
        return jobs.UntilAsync(
            async () => await claim.ExistsAsync() && (await claim.GetPropertiesAsync()).Value.LeaseState == LeaseState.Leased ? claim : null,
            () => $"the claim {claim.Name} to be leased");
    }

    private Task PollArrivedAsync(AppJobs jobs, string requestId) =>
        jobs.UntilAsync(
            async () => (await app.Simulator.GetRequestsAsync()).Polls.GetValueOrDefault(requestId) >= 1 ? requestId : null,
            () => $"a status poll of {requestId} to reach the simulator");
}
