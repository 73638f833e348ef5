namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// A cancel under the stand-in host: the cancel route raises the event through the real extension's client, the
/// orchestration ends Canceled, and nothing more is bought after it.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class CancelJobTests(StandInAppFixture app)
{
    [Fact]
    public async Task CancelJob_PixazoJobWaitingForTheProvider_EndsCanceledWithNothingMoreBought()
    {
        using var jobs = new AppJobs(app);
        // Pixazo keeps this request QUEUED for 10 minutes: the job waits on its webhook and its poll timer.
        var prompt = AppJobs.UniquePrompt("cancel me [sim:queued=600000]");
        var id = await jobs.StartIdAsync(AppJobs.PromptJob("image", "pixazo", prompt));
        await jobs.WaitAsync(AppJobs.JobPath(id), j => AppJobs.ProgressText(j, "requestId") is not null, "the Pixazo request to be submitted");

        using var cancel = await jobs.Client.PostAsync(AppJobs.JobPath(id) + "/cancel?reason=test", null);
        var job = await jobs.WaitForEndAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Canceled", AppJobs.Status(job));
        Assert.Equal("canceled", job.GetProperty("error").GetProperty("type").GetString());
        Assert.False(job.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object && result.GetProperty("items").GetArrayLength() > 0);
        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        using var again = await jobs.Client.PostAsync(AppJobs.JobPath(id) + "/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task CancelBatch_ItemWaitingForPixazo_BatchAndItemEndCanceled()
    {
        using var jobs = new AppJobs(app);
        var prompt = AppJobs.UniquePrompt("batch cancel [sim:queued=600000]");
        var accepted = await jobs.StartAsync($$$"""{"items":[{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}"}}]}""", "api/batches");
        var batchPath = $"api/batches/{Uri.EscapeDataString(accepted.GetProperty("id").GetString()!)}";
        var running = await jobs.WaitAsync(batchPath, b => b.GetProperty("items")[0].GetProperty("status").GetString() == "Running", "the item to run");
        var itemId = running.GetProperty("items")[0].GetProperty("jobId").GetString()!;
        await jobs.WaitAsync(AppJobs.JobPath(itemId), j => AppJobs.ProgressText(j, "requestId") is not null, "the item's Pixazo request to be submitted");

        using var cancel = await jobs.Client.PostAsync(accepted.GetProperty("cancelPostUri").GetString(), null);
        var batch = await jobs.WaitAsync(batchPath, b => AppJobs.Status(b) is "Completed" or "Canceled", "the batch to end");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Canceled", AppJobs.Status(batch));
        Assert.Equal("Canceled", batch.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(1, (await app.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task CancelChain_WhileAStepWaitsToRetry_EndsCanceledAndBuysNoLaterStep()
    {
        using var jobs = new AppJobs(app);
        var first = AppJobs.UniquePrompt("a kite");
        // Step 2 is rate limited with a 60 s Retry-After: the chain waits on a durable timer, where the cancel finds it.
        var second = AppJobs.UniquePrompt("higher [sim:429=60]");
        var third = AppJobs.UniquePrompt("into the clouds");
        var id = await jobs.StartIdAsync($$$"""{"initial":{"prompt":"{{{first}}}"},"prompts":["{{{second}}}","{{{third}}}"]}""", "api/chains");
        await jobs.WaitAsync(AppJobs.JobPath(id), j => AppJobs.ProgressText(j, "phase") == "retrying" && AppJobs.Counter(j, "step") == 2, "step 2 to wait for its retry");

        using var cancel = await jobs.Client.PostAsync(AppJobs.JobPath(id) + "/cancel", null);
        var chain = await jobs.WaitForEndAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Canceled", AppJobs.Status(chain));
        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CosmicVideo, first));
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.CosmicVideoExtend, second));
        Assert.Equal(0, ledger.AcceptedOf(SimulatorEndpoints.CosmicVideoExtend, second));
        Assert.Equal(0, ledger.CountOf(SimulatorEndpoints.CosmicVideoExtend, third));
    }
}
