namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// A batch (fan-out over sub-orchestrations, every item completes) and a chain (a Cosmic video extended step by step,
/// each step from the previous media) under the stand-in host.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class BatchAndChainJobTests(StandInAppFixture app)
{
    [Fact]
    public async Task StartBatch_ItemsOfThreeProviders_EveryItemCompletesWithItsMediaStored()
    {
        using var jobs = new AppJobs(app);
        var prompts = new[] { AppJobs.UniquePrompt("batch one"), AppJobs.UniquePrompt("batch two"), AppJobs.UniquePrompt("batch three"), AppJobs.UniquePrompt("batch four") };
        var accepted = await jobs.StartAsync($$$"""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompts[0]}}}"}},
              {"kind":"image","provider":"comet","params":{"prompt":"{{{prompts[1]}}}"}},
              {"kind":"audio","provider":"cosmic","params":{"prompt":"{{{prompts[2]}}}"}},
              {"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompts[3]}}}"}}
            ]}
            """, "api/batches");
        var batchPath = $"api/batches/{Uri.EscapeDataString(accepted.GetProperty("id").GetString()!)}";

        var batch = await jobs.WaitAsync(batchPath, b => AppJobs.Status(b) is "Completed" or "Canceled", "the batch to end");

        Assert.Equal("Completed", AppJobs.Status(batch));
        Assert.Equal(4, batch.GetProperty("completed").GetInt32());
        foreach (var (item, contentType) in batch.GetProperty("items").EnumerateArray().Zip(new[] { "image/", "image/", "audio/", "image/" }))
        {
            await jobs.AssertStoredAsync(await jobs.CompletedAsync(item.GetProperty("jobId").GetString()!), contentType);
        }

        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CosmicImage, prompts[0]));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CometImages, prompts[1]));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CosmicAudio, prompts[2]));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompts[3]));
    }

    [Fact]
    public async Task StartChain_VideoAndTwoExtensions_StoresThreeSegmentsInStepOrder()
    {
        using var jobs = new AppJobs(app);
        var prompts = new[] { AppJobs.UniquePrompt("a kite"), AppJobs.UniquePrompt("higher"), AppJobs.UniquePrompt("into the clouds") };

        var accepted = await jobs.StartAsync($$$"""{"initial":{"prompt":"{{{prompts[0]}}}"},"prompts":["{{{prompts[1]}}}","{{{prompts[2]}}}"]}""", "api/chains");
        var chain = await jobs.CompletedAsync(accepted.GetProperty("id").GetString()!);

        var items = await jobs.AssertStoredAsync(chain, "video/mp4");
        Assert.Equal(3, items.Count);
        var ledger = await app.Simulator.GetRequestsAsync();
        var video = Assert.Single(ledger.Requests, r => r.Endpoint == SimulatorEndpoints.CosmicVideo && r.Prompt == prompts[0]);
        var extensions = ledger.Requests.Where(r => r.Endpoint == SimulatorEndpoints.CosmicVideoExtend && (r.Prompt == prompts[1] || r.Prompt == prompts[2])).ToList();
        Assert.Equal(new[] { prompts[1], prompts[2] }, extensions.Select(r => r.Prompt));
        Assert.All(extensions, r => Assert.True(r.Accepted));
        // The segments are the media of the steps, in step order.
        Assert.Equal(
            new[] { video.MediaIds.Single(), extensions[0].MediaIds.Single(), extensions[1].MediaIds.Single() },
            items.Select(i => i.GetProperty("providerId").GetString()));
    }
}
