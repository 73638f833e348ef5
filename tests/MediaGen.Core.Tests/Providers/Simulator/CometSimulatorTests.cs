using System.Security.Cryptography;
using MediaGen.Simulator;

namespace MediaGen.Core.Tests.Providers.Simulator;

[Collection(nameof(SimulatorCollection))]
public sealed class CometSimulatorTests(SimulatorFixture simulator)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task CreateImages_UrlFormat_ReturnsADownloadableImage()
    {
        await using var result = await SimulatorClients.Comet(simulator).CreateImagesAsync(new CometImageRequest(SimulatorClients.Prompt("A paper boat"), ResponseFormat: "url"));

        var image = Assert.Single(result.Data);
        Assert.NotNull(image.Url);
        Assert.Null(image.Content);
        Assert.NotNull(await SimulatorClients.HeadOfAsync(image.Url!, 4));
    }

    [Fact]
    public async Task CreateImages_Base64_DecodesIntoPngStreams()
    {
        await using var result = await SimulatorClients.Comet(simulator).CreateImagesAsync(new CometImageRequest(SimulatorClients.Prompt("A paper boat"), "gpt-image-1", N: 2));

        Assert.Equal(2, result.Data.Count);
        foreach (var image in result.Data)
        {
            var head = new byte[8];
            await image.Content!.ReadExactlyAsync(head);
            Assert.Equal(PngSignature, head);
        }
    }

    [Fact]
    public async Task CreateImages_MultiMegabyteBase64_ArrivesWholeAsAStream()
    {
        const int Size = 12 * 1024 * 1024;

        await using var result = await SimulatorClients.Comet(simulator).CreateImagesAsync(new CometImageRequest(SimulatorClients.Prompt("Huge [sim:size=12582912]"), "gpt-image-1"));

        var content = Assert.Single(result.Data).Content!;
        Assert.Equal(Size, content.Length);
        var head = new byte[8];
        await content.ReadExactlyAsync(head);
        Assert.Equal(PngSignature, head);
        content.Position = 0;
        Assert.Equal(32, (await SHA256.HashDataAsync(content)).Length);
    }

    [Fact]
    public async Task CreateImages_429Once_IsRetried()
    {
        var prompt = SimulatorClients.Prompt("Busy [sim:429=0*1]");

        await using var result = await SimulatorClients.Comet(simulator).CreateImagesAsync(new CometImageRequest(prompt));

        Assert.Equal(1, (await simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.CometImages, prompt));
    }

    [Fact]
    public async Task CreateImages_ContentPolicy_IsContentPolicyFailure()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            SimulatorClients.Comet(simulator).CreateImagesAsync(new CometImageRequest(SimulatorClients.Prompt("Forbidden [sim:content-policy]"))));

        Assert.Equal(ProviderErrorType.ContentPolicy, error.ErrorType);
        Assert.Equal("content_policy_violation", error.ProviderErrorCode);
    }

    [Fact]
    public async Task CreateImages_MalformedJson_IsMalformedResponse()
    {
        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            SimulatorClients.Comet(simulator).CreateImagesAsync(new CometImageRequest(SimulatorClients.Prompt("Garbled [sim:malformed]"))));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Fact]
    public async Task CreateImages_401FromArmedFault_IsUnauthorized()
    {
        var prompt = SimulatorClients.Prompt("Locked out");
        await simulator.AddFaultAsync("401", promptContains: prompt);

        var error = await Assert.ThrowsAsync<ProviderException>(() => SimulatorClients.Comet(simulator).CreateImagesAsync(new CometImageRequest(prompt)));

        Assert.Equal(ProviderErrorType.Unauthorized, error.ErrorType);
        Assert.DoesNotContain(SimulatorFixture.ApiKey, error.Message, StringComparison.Ordinal);
    }
}
