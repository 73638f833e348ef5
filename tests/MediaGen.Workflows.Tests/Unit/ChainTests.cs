namespace MediaGen.Workflows.Tests.Unit;

public sealed class ChainTests : IAsyncLifetime
{
    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Chain_InitialVideoThenTwoPrompts_EachStepExtendsThePreviousMediaId()
    {
        var started = await _host.Starter.StartChainAsync("""{"initial":{"prompt":"A kitten","duration":8},"prompts":["It walks","It sleeps"]}"""u8.ToArray());
        await _host.CompleteAsync(started.Id);

        var steps = _host.Fakes.CallsOf(nameof(GenerateActivity), started.Id).Select(c => (GenerateInput)c.Input!).ToList();
        Assert.Equal([JobKind.Video, JobKind.VideoExtension, JobKind.VideoExtension], steps.Select(s => s.Request.Kind));
        Assert.Equal($"media-{started.Id}-0", MediaId(steps[1]));
        Assert.Equal($"media-{started.Id}-1", MediaId(steps[2]));
        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, JobKind.VideoExtension, 3), (job!.Status, job.Kind, job.Result!.Items.Count));
    }

    [Fact]
    public async Task Chain_StepTwoFails_KeepsSegmentOneAndReportsWhereItStopped()
    {
        _host.Fakes.Generate = (jobId, input, attempt) => input.FirstItemIndex == 1
            ? GenerateOutput.Failed(new StepFailure("content_policy", "No videos generated", Retryable: false))
            : new GenerateOutput([new MediaToCopy(input.FirstItemIndex, "https://cdn.test/v.mp4", "video/mp4", $"m{input.FirstItemIndex}")], [], ProviderId: $"m{input.FirstItemIndex}");

        var started = await _host.Starter.StartChainAsync("""{"initial":{"prompt":"A kitten"},"prompts":["It jumps","It lands"]}"""u8.ToArray());
        var done = await _host.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal((JobStatus.Failed, 2, "prompts[0]"), (outcome.Status, outcome.FailedStep, outcome.Error!.Field));
        Assert.Equal("m0", Assert.Single(outcome.Result!.Items).ProviderId);
        Assert.Equal(2, _host.Fakes.CallsOf(nameof(GenerateActivity), started.Id).Count);
        var progress = JsonDocument.Parse(done.SerializedCustomStatus!).RootElement;
        Assert.Equal(2, progress.GetProperty("failedStep").GetInt32());
        Assert.Equal(2, Assert.Single(_host.Fakes.Published).FailedStep);
    }

    [Fact]
    public async Task Chain_FromExistingMediaId_FirstStepExtendsIt()
    {
        var started = await _host.Starter.StartChainAsync("""{"mediaId":"existing-veo-1","prompts":["It flies"],"model":"veo-3.1-generate-preview"}"""u8.ToArray());
        await _host.CompleteAsync(started.Id);

        var step = (GenerateInput)Assert.Single(_host.Fakes.CallsOf(nameof(GenerateActivity), started.Id)).Input!;
        Assert.Equal(("existing-veo-1", "veo-3.1-generate-preview"), (MediaId(step), step.Request.Params.GetProperty("model").GetString()));
    }

    private static string MediaId(GenerateInput input) => input.Request.Params.GetProperty("media_id").GetString()!;
}
