using MediaGen.Simulator;

namespace MediaGen.Core.Tests.Providers.Simulator;

[Collection(nameof(SimulatorCollection))]
public sealed class PixazoSimulatorTests(SimulatorFixture simulator)
{
    [Fact]
    public async Task SubmitTextToImageThenPoll_Simulator_CompletesWithJpegMedia()
    {
        var client = SimulatorClients.Pixazo(simulator);

        var submitted = await client.SubmitTextToImageAsync(new PixazoTextToImageRequest(SimulatorClients.Prompt("Observatory"), NumImages: 2, ImageSize: PixazoImageSize.Custom(640, 480)));
        var final = await PollAsync(client, submitted.RequestId);

        Assert.Equal(PixazoStatus.Queued, submitted.Status);
        Assert.Equal(PixazoStatus.Completed, final.Status);
        Assert.Equal(2, final.Output!.MediaUrl.Count);
        Assert.Equal("image/jpeg", final.Output.MediaType);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, (await SimulatorClients.HeadOfAsync(final.Output.MediaUrl[0], 3)));
    }

    [Fact]
    public async Task SubmitImageToVideoThenPoll_Simulator_CompletesWithMp4()
    {
        var client = SimulatorClients.Pixazo(simulator);

        var submitted = await client.SubmitImageToVideoAsync(new PixazoImageToVideoRequest(SimulatorClients.Prompt("Push in"), "https://pub.example.r2.dev/Image.jpeg", NumFrames: 5, FramesPerSecond: 4));
        var final = await PollAsync(client, submitted.RequestId);

        Assert.Equal(PixazoStatus.Completed, final.Status);
        Assert.Equal("video/mp4", final.Output!.MediaType);
    }

    [Theory]
    [InlineData("failed=NSFW content", PixazoStatus.Failed, ProviderErrorType.GenerationFailed, false)]
    [InlineData("error", PixazoStatus.Error, ProviderErrorType.SystemError, true)]
    public async Task Poll_FailedOrErrorOutcome_IsTypedAndMapsToItsErrorType(string directive, PixazoStatus status, ProviderErrorType type, bool retryable)
    {
        var client = SimulatorClients.Pixazo(simulator);

        var submitted = await client.SubmitTextToImageAsync(new PixazoTextToImageRequest(SimulatorClients.Prompt($"Observatory [sim:{directive}]")));
        var final = await PollAsync(client, submitted.RequestId);
        var error = final.ToProviderException()!;

        Assert.Equal(status, final.Status);
        Assert.Equal(type, error.ErrorType);
        Assert.Equal(retryable, error.IsRetryable);
    }

    [Fact]
    public async Task Submit_429Once_IsRetriedAndQueuedExactlyOnce()
    {
        var prompt = SimulatorClients.Prompt("Busy [sim:429=0*1]");

        await SimulatorClients.Pixazo(simulator).SubmitTextToImageAsync(new PixazoTextToImageRequest(prompt));

        var ledger = await simulator.GetRequestsAsync();
        Assert.Equal(2, ledger.CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task Submit_500_IsNotRetriedSoNothingIsBoughtTwice()
    {
        var prompt = SimulatorClients.Prompt("Flaky [sim:500]");

        var error = await Assert.ThrowsAsync<ProviderException>(() => SimulatorClients.Pixazo(simulator).SubmitTextToImageAsync(new PixazoTextToImageRequest(prompt)));

        Assert.Equal(ProviderErrorType.ProviderUnavailable, error.ErrorType);
        Assert.Equal(1, (await simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    [Fact]
    public async Task Submit_402_IsInsufficientBalanceWithTheGatewayMessage()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            SimulatorClients.Pixazo(simulator).SubmitImageToVideoAsync(new PixazoImageToVideoRequest(SimulatorClients.Prompt("Broke [sim:402]"), "https://pub.example.r2.dev/i.jpeg")));

        Assert.Equal(ProviderErrorType.InsufficientBalance, error.ErrorType);
        Assert.NotNull(error.ProviderMessage);
    }

    [Fact]
    public async Task Submit_MalformedJson_IsMalformedResponse()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            SimulatorClients.Pixazo(simulator).SubmitTextToImageAsync(new PixazoTextToImageRequest(SimulatorClients.Prompt("Garbled [sim:malformed]"))));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Fact]
    public async Task GetStatus_MalformedPoll_IsMalformedResponse()
    {
        var client = SimulatorClients.Pixazo(simulator);
        var submitted = await client.SubmitTextToImageAsync(new PixazoTextToImageRequest(SimulatorClients.Prompt("Garbled poll [sim:poll-malformed]")));

        var error = await Assert.ThrowsAsync<ProviderException>(() => client.GetStatusAsync(submitted.RequestId));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    private static Task<PixazoRequestStatus> PollAsync(PixazoClient client, string requestId) =>
        Waits.ForAsync(async token => await client.GetStatusAsync(requestId, token) is { IsTerminal: true } status ? status : null, $"request {requestId} to end");
}
