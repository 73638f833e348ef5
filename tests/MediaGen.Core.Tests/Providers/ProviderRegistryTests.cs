namespace MediaGen.Core.Tests.Providers;

public sealed class ProviderRegistryTests
{
    [Fact]
    public void Modules_EveryProviderName_HasItsModuleInEnumOrder()
    {
        Assert.Equal(Enum.GetValues<ProviderName>(), ProviderRegistry.Modules.Select(m => m.Name));
        Assert.IsType<CosmicModule>(ProviderRegistry.Module(ProviderName.Cosmic));
        Assert.IsType<PixazoModule>(ProviderRegistry.Module(ProviderName.Pixazo));
        Assert.IsType<CometModule>(ProviderRegistry.Module(ProviderName.Comet));
    }

    [Theory]
    [InlineData(ProviderName.Cosmic, JobKind.Text, typeof(CosmicTextRequest), GenerationFlow.Synchronous, RetryClass.AnyRetryableFailure)]
    [InlineData(ProviderName.Cosmic, JobKind.Image, typeof(CosmicImageRequest), GenerationFlow.Synchronous, RetryClass.AnyRetryableFailure)]
    [InlineData(ProviderName.Cosmic, JobKind.Video, typeof(CosmicVideoRequest), GenerationFlow.Synchronous, RetryClass.OnlyWhenNothingBought)]
    [InlineData(ProviderName.Cosmic, JobKind.VideoExtension, typeof(CosmicVideoExtensionRequest), GenerationFlow.Synchronous, RetryClass.OnlyWhenNothingBought)]
    [InlineData(ProviderName.Cosmic, JobKind.Audio, typeof(CosmicAudioRequest), GenerationFlow.Synchronous, RetryClass.AnyRetryableFailure)]
    [InlineData(ProviderName.Pixazo, JobKind.Image, typeof(PixazoTextToImageRequest), GenerationFlow.SubmitAndWait, RetryClass.OnlyWhenNothingBought)]
    [InlineData(ProviderName.Pixazo, JobKind.Video, typeof(PixazoImageToVideoRequest), GenerationFlow.SubmitAndWait, RetryClass.OnlyWhenNothingBought)]
    [InlineData(ProviderName.Comet, JobKind.Image, typeof(CometImageRequest), GenerationFlow.Synchronous, RetryClass.AnyRetryableFailure)]
    public void Get_SupportedPair_DescribesItsRequestFlowAndRetryClass(ProviderName provider, JobKind kind, Type request, GenerationFlow flow, RetryClass retry)
    {
        var descriptor = ProviderRegistry.Get(provider, kind);

        Assert.Equal((provider, kind), (descriptor.Provider, descriptor.Kind));
        Assert.Equal(request, descriptor.RequestType);
        Assert.Equal(flow, descriptor.Flow);
        Assert.Equal(retry, descriptor.RetryClass);
    }

    [Theory]
    [InlineData(ProviderName.Pixazo, JobKind.Text)]
    [InlineData(ProviderName.Comet, JobKind.Video)]
    public void Find_UnsupportedPair_IsNullAndGetThrows(ProviderName provider, JobKind kind)
    {
        Assert.Null(ProviderRegistry.Find(provider, kind));
        var error = Assert.Throws<ArgumentException>(() => ProviderRegistry.Get(provider, kind));
        Assert.StartsWith($"{WireNames.Of(provider)} does not generate {WireNames.Of(kind)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportedKinds_ReadFromTheModules_ListEachProvidersKindsInOrder()
    {
        Assert.Equal([JobKind.Text, JobKind.Image, JobKind.Video, JobKind.VideoExtension, JobKind.Audio], JobRequestReader.SupportedKinds[ProviderName.Cosmic]);
        Assert.Equal([JobKind.Image, JobKind.Video], JobRequestReader.SupportedKinds[ProviderName.Pixazo]);
        Assert.Equal([JobKind.Image], JobRequestReader.SupportedKinds[ProviderName.Comet]);
    }

    [Fact]
    public void WireNames_ProvidersAndKinds_ComeFromTheEnumAttributesAndMatchTheJobJson()
    {
        Assert.Equal(["cosmic", "pixazo", "comet"], Enum.GetValues<ProviderName>().Select(p => WireNames.Of(p)));
        Assert.Equal("video-extension", WireNames.Of(JobKind.VideoExtension));
        Assert.Equal(ProviderName.Comet, WireNames.Parse<ProviderName>("comet"));
        Assert.Null(WireNames.Parse<ProviderName>("Comet"));
        Assert.Equal("\"pixazo\"", JsonSerializer.Serialize(ProviderName.Pixazo, JobJson.Options));
        Assert.Equal("\"video-extension\"", JsonSerializer.Serialize(JobKind.VideoExtension, JobJson.Options));
    }

    [Theory]
    [InlineData("No videos generated", ProviderName.Cosmic, true)]
    [InlineData("content_policy_violation", ProviderName.Comet, true)]
    [InlineData("content_policy_violation", ProviderName.Cosmic, false)]
    [InlineData("No videos generated", ProviderName.Pixazo, false)]
    public void IsContentPolicyRefusal_ProviderSignal_IsOnlyItsOwn(string message, ProviderName provider, bool refused)
    {
        Assert.Equal(refused, ProviderRegistry.Module(provider).IsContentPolicyRefusal(null, message));
    }
}
