using MediaGen.Workflows.Generations;

namespace MediaGen.Workflows.Tests.EndToEnd;

/// <summary>
/// A synchronous provider step buys at most once per job step, whatever re-runs its activity (found by scripts/crash-drive.sh:
/// a host killed around a Cosmic or CometAPI call re-ran the activity after restart and bought the item twice). The real
/// activity, ledger, simulator and Azurite.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class GenerationLedgerEndToEndTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Generate_RunAgainAfterSuccess_ReturnsTheRecordedOutputAndBuysNothing()
    {
        var prompt = Prompt("A video bought once");
        var jobId = NewJobId();
        var input = new GenerateInput(Request(JobKind.Video, prompt), 0);

        var first = await Activity().RunAsync(new ActivityContext(jobId), input);
        var again = await Activity().RunAsync(new ActivityContext(jobId), input);

        var ledger = await fixture.Simulator.GetRequestsAsync();
        Assert.Null(first.Failure);
        Assert.Equal(first.ProviderId, again.ProviderId);
        Assert.Equal(first.Media.Single().Source, again.Media.Single().Source);
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.CosmicVideo, prompt));
    }

    [Fact]
    public async Task Generate_EarlierRunDiedDuringTheCall_FailsInterruptedWithoutCallingAgain()
    {
        var prompt = Prompt("An image whose host died mid-call");
        var jobId = NewJobId();
        // What a host killed during the call leaves: the step's claim, its lease lapsed (here: never taken).
        await StateContainer().GetBlobClient($"generations/{jobId}/step-0.json")
            .UploadAsync(BinaryData.FromString("""{"state":"calling","output":null}"""));
        var later = new ShiftedTime(GenerationLedger.LeaseDuration + TimeSpan.FromSeconds(5));

        var output = await Activity(new GenerationLedger(fixture.Blobs, Options.Create(fixture.Workflows), later))
            .RunAsync(new ActivityContext(jobId), new GenerateInput(Request(JobKind.Image, prompt), 0));

        Assert.Equal(("interrupted", false), (output.Failure?.Type, output.Failure?.Retryable));
        Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Fact]
    public async Task PixazoSubmit_EarlierRunDiedDuringTheSubmit_FailsInterruptedWithoutSubmittingAgain()
    {
        var prompt = Prompt("An observatory whose host died mid-submit");
        var jobId = NewJobId();
        await StateContainer().GetBlobClient($"generations/{jobId}/pixazo-submission-1.json")
            .UploadAsync(BinaryData.FromString("""{"state":"calling","output":null}"""));
        var later = new ShiftedTime(GenerationLedger.LeaseDuration + TimeSpan.FromSeconds(5));
        var activity = ActivatorUtilities.CreateInstance<PixazoSubmitActivity>(
            fixture.Services, new GenerationLedger(fixture.Blobs, Options.Create(fixture.Workflows), later));

        var output = await activity.RunAsync(new ActivityContext(jobId), new PixazoSubmitInput(Requests.PixazoImage(prompt), 1));

        Assert.Equal(("interrupted", false), (output.Failure?.Type, output.Failure?.Retryable));
        Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task Generate_StepClaimedByALiveCall_WaitsForItsOutputAndCallsNothing()
    {
        var prompt = Prompt("An image another run is buying");
        var jobId = NewJobId();
        var ledger = fixture.Services.GetRequiredService<GenerationLedger>();
        var claim = await ledger.ClaimAsync(jobId, "step-0");
        var bought = new GenerateOutput([new MediaToCopy(0, "http://127.0.0.1:9/elsewhere.png", "image/png", "media-elsewhere", null, null)], [], ProviderId: "media-elsewhere");

        var rerun = Activity().RunAsync(new ActivityContext(jobId), new GenerateInput(Request(JobKind.Image, prompt), 0));
        // Give the re-run time to find the live claim (were it to call instead, the ledger below would show it).
        await Task.Delay(TimeSpan.FromSeconds(1));
        await claim.Lease!.CompleteAsync(bought);
        await claim.Lease.DisposeAsync();
        var output = await rerun.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("media-elsewhere", output.ProviderId);
        Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Fact]
    public async Task Generate_RetryableFailure_LetsTheRetryCallAgain()
    {
        // The fixture turns the client's own retries off: the first call fails, the orchestration's next attempt succeeds.
        var prompt = Prompt("[sim:500*1] An image that fails first");
        var jobId = NewJobId();
        var input = new GenerateInput(Request(JobKind.Image, prompt), 0);

        var failed = await Activity().RunAsync(new ActivityContext(jobId), input);
        var retried = await Activity().RunAsync(new ActivityContext(jobId), input);

        Assert.Equal(("provider_unavailable", true), (failed.Failure?.Type, failed.Failure?.Retryable));
        Assert.Null(retried.Failure);
        Assert.Equal(1, (await fixture.Simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Fact]
    public async Task Generate_VideoFailedAmbiguously_RunAgainReturnsTheFailureWithoutCalling()
    {
        // A 500 on a video may have bought it: the orchestration does not retry, and neither does a re-run.
        var prompt = Prompt("[sim:500*1] A video that may have been bought");
        var jobId = NewJobId();
        var input = new GenerateInput(Request(JobKind.Video, prompt), 0);

        var failed = await Activity().RunAsync(new ActivityContext(jobId), input);
        var again = await Activity().RunAsync(new ActivityContext(jobId), input);

        Assert.Equal("provider_unavailable", failed.Failure?.Type);
        Assert.Equal("provider_unavailable", again.Failure?.Type);
        Assert.Equal(1, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicVideo, prompt));
    }

    private GenerateActivity Activity(GenerationLedger? ledger = null) =>
        ledger is null
            ? ActivatorUtilities.CreateInstance<GenerateActivity>(fixture.Services)
            : ActivatorUtilities.CreateInstance<GenerateActivity>(fixture.Services, ledger);

    private BlobContainerClient StateContainer()
    {
        var container = fixture.Blobs.GetBlobContainerClient(fixture.Workflows.StateContainer);
        container.CreateIfNotExists();
        return container;
    }

    private static JobRequest Request(JobKind kind, string prompt) =>
        new(kind, ProviderName.Cosmic, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = prompt }));

    private static string NewJobId() => "job-" + Guid.NewGuid().ToString("N");

    private static string Prompt(string text) => $"{text} {Guid.NewGuid():N}";

    private sealed class ActivityContext(string instanceId) : TaskActivityContext
    {
        public override TaskName Name => nameof(GenerateActivity);

        public override string InstanceId => instanceId;
    }

    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
