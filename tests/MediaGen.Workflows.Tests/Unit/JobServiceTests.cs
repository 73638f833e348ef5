using MediaGen.Core.Jobs;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Tests.Support;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class JobServiceTests : IAsyncLifetime
{
    private InMemoryWorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await InMemoryWorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartJob_SameIdempotencyKeyTwice_SameJobAndOneGeneration()
    {
        var first = await _host.Jobs.StartJobAsync(Requests.CosmicImage(idempotencyKey: "order-42"));
        await _host.CompleteAsync(first.Id);
        var second = await _host.Jobs.StartJobAsync(Requests.CosmicImage("a different prompt", idempotencyKey: "order-42"));
        await Task.Delay(100);

        Assert.Equal((first.Id, false, true), (second.Id, first.AlreadyExisted, second.AlreadyExisted));
        Assert.StartsWith("job-", first.Id, StringComparison.Ordinal);
        Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity)));
    }

    [Fact]
    public async Task StartJob_CallerInstanceId_IsTheJobIdAndRepeatsStartNothing()
    {
        var first = await _host.Jobs.StartJobAsync(Requests.CosmicImage(), instanceId: "msg-7f3a");
        var again = await _host.Jobs.StartJobAsync(Requests.CosmicImage(), instanceId: "msg-7f3a");

        Assert.Equal(("msg-7f3a", "msg-7f3a", true), (first.Id, again.Id, again.AlreadyExisted));
    }

    [Fact]
    public async Task GetJob_UnknownId_IsNull()
    {
        Assert.Null(await _host.Jobs.GetJobAsync("job-does-not-exist"));
        Assert.Equal(JobCancelResult.NotFound, await _host.Jobs.CancelJobAsync("job-does-not-exist"));
    }

    [Fact]
    public async Task GetJob_TerminatedInstance_ReadsAsCanceled()
    {
        var started = await _host.Jobs.StartJobAsync(Requests.PixazoImage());
        await _host.Client.TerminateInstanceAsync(started.Id, "operator stopped it");
        await _host.RunUntilAsync(started.Id, i => i.IsCompleted, advanceClock: false);

        var job = await _host.Jobs.GetJobAsync(started.Id);
        Assert.Equal((JobStatus.Canceled, "canceled", "operator stopped it"), (job!.Status, job.Error!.Type, job.Error.Message));
    }

    [Fact]
    public async Task ListJobs_ByStatusWithPaging_ReturnsEachMatchingJobOnce()
    {
        _host.Fakes.Generate = (jobId, input, _) => input.Request.Params.GetProperty("prompt").GetString() == "fail"
            ? Core.Workflows.Payloads.GenerateOutput.Failed(new Core.Workflows.Payloads.StepFailure("content_policy", "no", false))
            : new Core.Workflows.Payloads.GenerateOutput([], []);
        var ids = new List<string>();
        foreach (var prompt in new[] { "a", "fail", "b", "c", "fail" })
        {
            var started = await _host.Jobs.StartJobAsync(Requests.CosmicImage(prompt));
            await _host.CompleteAsync(started.Id);
            ids.Add(started.Id);
        }

        var failed = new List<JobState>();
        string? token = null;
        do
        {
            var page = await _host.Jobs.ListJobsAsync(new JobQuery([JobStatus.Failed], PageSize: 2, ContinuationToken: token));
            failed.AddRange(page.Jobs);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(new[] { ids[1], ids[4] }.Order(), failed.Select(j => j.Id).Order());
        Assert.Empty((await _host.Jobs.ListJobsAsync(new JobQuery(CreatedFrom: _host.Clock.GetUtcNow().AddMinutes(1)))).Jobs);
    }
}
