namespace MediaGen.Workflows.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class BatchAndChainEndToEndTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Batch_MixedProvidersWithFailures_EachItemEndsOnItsOwn()
    {
        var json = $$$"""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"A mug {{{Guid.NewGuid():N}}}"}},
              {"kind":"image","provider":"pixazo","params":{"prompt":"[sim:failed] A refused mug {{{Guid.NewGuid():N}}}"}},
              {"kind":"image","provider":"comet","params":{"prompt":"A boat {{{Guid.NewGuid():N}}}","model":"dall-e-3"}},
              {"kind":"audio","provider":"cosmic","params":{"prompt":"[sim:400] Broken speech {{{Guid.NewGuid():N}}}"}},
              {"kind":"image","provider":"pixazo","params":{"prompt":"A fine observatory {{{Guid.NewGuid():N}}}"}}
            ]}
            """;

        var started = await fixture.Starter.StartBatchAsync(System.Text.Encoding.UTF8.GetBytes(json));
        await fixture.CompleteAsync(started.Id);

        var batch = await fixture.Reader.GetBatchAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, batch!.Status);
        Assert.Equal(
            [JobStatus.Completed, JobStatus.Failed, JobStatus.Completed, JobStatus.Failed, JobStatus.Completed],
            batch.Items.Select(i => i.Status));
        Assert.Equal(("generation_failed", "invalid_request"), (batch.Items[1].Error!.Type, batch.Items[3].Error!.Type));
        var first = await fixture.Reader.GetJobAsync(batch.Items[0].JobId, JobAccess.Everything);
        await StoredBlobs.AssertMatchesAsync(fixture.Blobs, Assert.Single(first!.Result!.Items));
    }

    [Fact]
    public async Task Chain_StepTwoFails_KeepsTheFirstSegmentStoredAndSaysWhereItStopped()
    {
        var json = $$"""
            {"initial":{"prompt":"A kitten sits {{Guid.NewGuid():N}}","duration":4},"prompts":["[sim:no-videos] It jumps {{Guid.NewGuid():N}}","It lands"]}
            """;

        var started = await fixture.Starter.StartChainAsync(System.Text.Encoding.UTF8.GetBytes(json));
        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal((JobStatus.Failed, 2, "prompts[0]", "content_policy"), (outcome.Status, outcome.FailedStep, outcome.Error!.Field, outcome.Error.Type));
        var segment = Assert.Single(outcome.Result!.Items);
        Assert.Equal("video/mp4", segment.ContentType);
        await StoredBlobs.AssertMatchesAsync(fixture.Blobs, segment);
    }

    [Fact]
    public async Task Chain_ThreeSteps_EverySegmentStoredInOrder()
    {
        var json = $$"""{"initial":{"prompt":"A kitten sits {{Guid.NewGuid():N}}","duration":4},"prompts":["It jumps","It lands"]}""";

        var started = await fixture.Starter.StartChainAsync(System.Text.Encoding.UTF8.GetBytes(json));
        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, 3), (job!.Status, job.Result!.Items.Count));
        Assert.Equal([$"{started.Id}/0.mp4", $"{started.Id}/1.mp4", $"{started.Id}/2.mp4"], (await StoredBlobs.NamesAsync(fixture.Blobs, started.Id)).Order());
    }
}
