using MediaGen.Simulator;

namespace MediaGen.Core.Tests.Providers.Simulator;

[Collection(nameof(SimulatorCollection))]
public sealed class CosmicSimulatorTests(SimulatorFixture simulator)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task GenerateText_Simulator_ReturnsTextAndUsage()
    {
        var result = await SimulatorClients.Cosmic(simulator).GenerateTextAsync(new CosmicTextRequest(Prompt: SimulatorClients.Prompt("Describe a mug"), MaxTokens: 50));

        Assert.False(string.IsNullOrWhiteSpace(result.Text));
        Assert.True(result.Usage!.OutputTokens > 0);
    }

    [Fact]
    public async Task StreamText_Simulator_StreamsFragmentsThenUsageThenEnd()
    {
        var text = new StringBuilder();
        var kinds = new List<CosmicTextStreamEventKind>();
        await foreach (var e in SimulatorClients.Cosmic(simulator).StreamTextAsync(new CosmicTextRequest(Messages: [new("user", SimulatorClients.Prompt("Tell me about mugs"))])))
        {
            kinds.Add(e.Kind);
            text.Append(e.Text);
        }

        Assert.True(kinds.Count(k => k == CosmicTextStreamEventKind.Text) > 1);
        Assert.Equal([CosmicTextStreamEventKind.Usage, CosmicTextStreamEventKind.End], kinds[^2..]);
        Assert.StartsWith("Simulated", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamText_StreamErrorFault_EndsWithErrorEvent()
    {
        var events = new List<CosmicTextStreamEvent>();
        await foreach (var e in SimulatorClients.Cosmic(simulator).StreamTextAsync(new CosmicTextRequest(SimulatorClients.Prompt("Tell me [sim:stream-error]"))))
        {
            events.Add(e);
        }

        Assert.Equal(CosmicTextStreamEventKind.Text, events[0].Kind);
        Assert.Equal(CosmicTextStreamEventKind.Error, events[^1].Kind);
        Assert.Contains("stream failure", events[^1].Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StreamText_MalformedFault_ThrowsMalformedResponse()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var _ in SimulatorClients.Cosmic(simulator).StreamTextAsync(new CosmicTextRequest(SimulatorClients.Prompt("Tell me [sim:malformed]"))))
            {
            }
        });

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Fact]
    public async Task GenerateImage_Simulator_StoresAPngServedAtItsUrl()
    {
        var result = await SimulatorClients.Cosmic(simulator).GenerateImageAsync(new CosmicImageRequest(SimulatorClients.Prompt("Mountains"), AltText: "alt", Folder: "ai-generated"));

        Assert.False(string.IsNullOrEmpty(result.Media.Id));
        Assert.Equal(PngSignature, await SimulatorClients.HeadOfAsync(result.Media.Url));
    }

    [Fact]
    public async Task GenerateVideoThenExtend_Simulator_ChainsOnTheMediaId()
    {
        var client = SimulatorClients.Cosmic(simulator);

        var video = await client.GenerateVideoAsync(new CosmicVideoRequest(SimulatorClients.Prompt("A kitten"), Duration: 4, Resolution: "1080p"));
        var extension = await client.ExtendVideoAsync(new CosmicVideoExtensionRequest(video.Media.Id, "It walks away"));
        var again = await client.ExtendVideoAsync(new CosmicVideoExtensionRequest(extension.Media.Id, "It sits down"));

        Assert.Equal("video/mp4", video.Media.Type);
        Assert.Equal(video.Media.Id, extension.SourceMediaId);
        Assert.Equal(extension.Media.Id, again.SourceMediaId);
        Assert.True(again.IsExtension);
        Assert.Equal("ftyp"u8.ToArray(), (await SimulatorClients.HeadOfAsync(extension.Media.Url))[4..8]);
    }

    [Fact]
    public async Task GenerateAudio_Simulator_ReturnsAnMp3AndUsage()
    {
        var result = await SimulatorClients.Cosmic(simulator).GenerateAudioAsync(new CosmicAudioRequest(SimulatorClients.Prompt("Welcome"), "onyx", "tts-1-hd"));

        Assert.Equal("audio/mpeg", result.Media.Type);
        Assert.NotNull(result.Usage);
    }

    [Fact]
    public async Task GenerateImage_429Once_IsRetriedAndBoughtOnce()
    {
        var prompt = SimulatorClients.Prompt("Busy [sim:429=0*1]");

        await SimulatorClients.Cosmic(simulator).GenerateImageAsync(new CosmicImageRequest(prompt));

        var ledger = await simulator.GetRequestsAsync();
        Assert.Equal(2, ledger.CountOf(SimulatorEndpoints.CosmicImage, prompt));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Fact]
    public async Task GenerateText_500Twice_IsRetriedUntilSuccess()
    {
        var prompt = SimulatorClients.Prompt("Flaky [sim:500*2]");

        var result = await SimulatorClients.Cosmic(simulator).GenerateTextAsync(new CosmicTextRequest(prompt));

        Assert.NotEmpty(result.Text);
        Assert.Equal(3, (await simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicText, prompt));
    }

    [Fact]
    public async Task GenerateText_402_IsInsufficientBalanceAndNotRetried()
    {
        var prompt = SimulatorClients.Prompt("Broke [sim:402]");

        var error = await Assert.ThrowsAsync<ProviderException>(() => SimulatorClients.Cosmic(simulator).GenerateTextAsync(new CosmicTextRequest(prompt)));

        Assert.Equal(ProviderErrorType.InsufficientBalance, error.ErrorType);
        Assert.Equal(1, (await simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicText, prompt));
    }

    [Fact]
    public async Task GenerateAudio_MalformedJson_IsMalformedResponse()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            SimulatorClients.Cosmic(simulator).GenerateAudioAsync(new CosmicAudioRequest(SimulatorClients.Prompt("Garbled [sim:malformed]"))));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Fact]
    public async Task GenerateVideo_NoVideosGenerated_IsContentPolicy()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            SimulatorClients.Cosmic(simulator).GenerateVideoAsync(new CosmicVideoRequest(SimulatorClients.Prompt("A famous actor [sim:no-videos]"))));

        Assert.Equal(ProviderErrorType.ContentPolicy, error.ErrorType);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task GenerateText_SlowFirstAttempt_TimesOutAndRetrySucceeds()
    {
        // slow=10000 on the first attempt only; the 2 s attempt timeout leaves the quick second attempt room on a loaded machine.
        var prompt = SimulatorClients.Prompt("Patience [sim:slow=10000*1]");

        var result = await SimulatorClients.Cosmic(simulator, timeout: TimeSpan.FromSeconds(2)).GenerateTextAsync(new CosmicTextRequest(prompt));

        Assert.NotEmpty(result.Text);
        // The timed-out first attempt was abandoned by the client; the answer came from the second.
        Assert.Equal([2], (await simulator.GetRequestsAsync()).Requests.Where(r => r.Prompt == prompt).Select(r => r.Attempt));
    }

    [Fact]
    public async Task GenerateVideo_SlowBeyondTimeout_IsTimeoutWithoutASecondPurchase()
    {
        var prompt = SimulatorClients.Prompt("Slow video [sim:slow=3000*1]");

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            SimulatorClients.Cosmic(simulator, timeout: TimeSpan.FromMilliseconds(300)).GenerateVideoAsync(new CosmicVideoRequest(prompt)));
        await SimulatorClients.Cosmic(simulator).GenerateVideoAsync(new CosmicVideoRequest(prompt));

        Assert.Equal(ProviderErrorType.Timeout, error.ErrorType);
        Assert.True(error.IsRetryable);
        // The follow-up call is the simulator's second attempt: the timed-out call made exactly one.
        Assert.Equal([2], (await simulator.GetRequestsAsync()).Requests.Where(r => r.Prompt == prompt).Select(r => r.Attempt));
    }
}
