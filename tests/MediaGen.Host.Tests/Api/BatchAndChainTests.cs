using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Api;

[Collection(JobsCollection.Name)]
public sealed class BatchAndChainTests(HostEnvironment env)
{
    [Fact]
    public async Task StartBatch_TwoItems_Returns202AndBatchReportsEveryItem()
    {
        await using var host = await env.StartHostAsync();

        var accepted = await host.StartJobAsync("""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"batch one"}},
              {"kind":"image","provider":"comet","params":{"prompt":"batch two"}}
            ],"idempotencyKey":"batch-test"}
            """, "/api/batches");

        Assert.Equal("batch", accepted.Type);
        Assert.Equal(new Uri(host.BaseAddress, $"/api/batches/{accepted.Id}"), accepted.StatusQueryGetUri);
        var batch = await Waits.ForAsync(async () =>
        {
            var state = await host.Api.GetFromJsonAsync<BatchState>(accepted.StatusQueryGetUri, JobJson.Options);
            return state!.Status == JobStatus.Completed ? state : null;
        }, "the batch to complete");
        Assert.Equal(2, batch.Completed);
        Assert.All(batch.Items, item => Assert.Equal(JobStatus.Completed, item.Status));
        Assert.Equal(JobStatus.Completed, (await host.GetJobAsync(batch.Items[0].JobId))!.Status);
        using var again = await host.PostJsonAsync("/api/batches", """{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"batch one"}}],"idempotencyKey":"batch-test"}""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task CancelBatch_Running_Returns202WithBatchLinksAndEndsCanceled()
    {
        await using var host = await env.StartHostAsync();
        env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMinutes(5);
        try
        {
            var accepted = await host.StartJobAsync("""{"items":[{"kind":"image","provider":"pixazo","params":{"prompt":"batch cancel"}}]}""", "/api/batches");
            await Waits.ForAsync(async () =>
                (await host.Api.GetFromJsonAsync<BatchState>(accepted.StatusQueryGetUri, JobJson.Options))!.Items[0].Status == JobStatus.Running ? "" : null, "the item to run");

            using var cancel = await host.Api.PostAsync(accepted.CancelPostUri, null);

            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            Assert.Equal(accepted.StatusQueryGetUri, cancel.Headers.Location);
            Assert.Equal("batch", (await cancel.Content.ReadFromJsonAsync<MediaGen.Api.Jobs.JobAccepted>(JobJson.Options))!.Type);
            var batch = await Waits.ForAsync(async () =>
            {
                var state = await host.Api.GetFromJsonAsync<BatchState>(accepted.StatusQueryGetUri, JobJson.Options);
                return state!.Status == JobStatus.Canceled ? state : null;
            }, "the batch to be canceled");
            Assert.Equal(JobStatus.Canceled, batch.Items[0].Status);
        }
        finally
        {
            env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMilliseconds(50);
        }
    }

    [Fact]
    public async Task GetBatch_UnknownId_Returns404()
    {
        await using var host = await env.StartHostAsync();

        using var response = await host.Api.GetAsync(new Uri("/api/batches/batch-nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartChain_VideoAndTwoExtensions_StoresThreeSegments()
    {
        await using var host = await env.StartHostAsync();

        var accepted = await host.StartJobAsync("""{"initial":{"prompt":"a kite"},"prompts":["higher","into the clouds"]}""", "/api/chains");

        Assert.Equal("chain", accepted.Type);
        var chain = await host.WaitForJobAsync(accepted.Id);
        Assert.Equal(JobStatus.Completed, chain.Status);
        Assert.Equal(3, chain.Result!.Items.Count);
        Assert.All(chain.Result.Items, item => Assert.Equal("video/mp4", item.ContentType));
    }
}
