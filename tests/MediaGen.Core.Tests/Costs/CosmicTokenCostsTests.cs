using MediaGen.Core.Costs;

namespace MediaGen.Core.Tests.Costs;

public sealed class CosmicTokenCostsTests
{
    [Theory]
    [InlineData("dall-e-3", "1024x1024", 4_800L)]
    [InlineData("gemini-3.1-flash-image-preview", "1024x1024", 32_160L)]
    [InlineData("gemini-3-pro-image-preview", "2048x2048", 32_160L)]
    [InlineData("gemini-3-pro-image-preview", "4096x4096", 57_600L)]
    [InlineData(null, null, 32_160L)]
    public void Image_DocumentedModelAndSize_ReturnsDocumentedCost(string? model, string? size, long expected) =>
        Assert.Equal(expected, CosmicTokenCosts.Image(model, size));

    [Theory]
    [InlineData("veo-3.1-fast-generate-preview", 4, 144_000L)]
    [InlineData("veo-3.1-fast-generate-preview", 6, 216_000L)]
    [InlineData("veo-3.1-fast-generate-preview", 8, 288_000L)]
    [InlineData("veo-3.1-generate-preview", 4, 384_000L)]
    [InlineData("veo-3.1-generate-preview", 6, 576_000L)]
    [InlineData("veo-3.1-generate-preview", 8, 768_000L)]
    public void Video_DocumentedModelAndDuration_ReturnsDocumentedCost(string model, int duration, long expected) =>
        Assert.Equal(expected, CosmicTokenCosts.Video(model, duration));

    [Fact]
    public void VideoExtension_FastAndStandard_ReturnDocumentedCosts()
    {
        Assert.Equal(288_000, CosmicTokenCosts.VideoExtension(null));
        Assert.Equal(768_000, CosmicTokenCosts.VideoExtension("veo-3.1-generate-preview"));
    }

    [Theory]
    [InlineData("tts-1", 82, 3_600L)]
    [InlineData("tts-1", 1000, 3_600L)]
    [InlineData("tts-1", 1001, 7_200L)]
    [InlineData("tts-1-hd", 82, 7_200L)]
    public void Audio_Characters_ChargesPerStartedThousand(string model, int characters, long expected) =>
        Assert.Equal(expected, CosmicTokenCosts.Audio(model, characters));

    [Fact]
    public void TextDeduction_DefaultModel_IsStandardTierTimesTwo() =>
        Assert.Equal(2_000, CosmicTokenCosts.TextDeduction(null, 1_000));

    [Fact]
    public void TextMultiplier_UnpricedModel_IsUnknown() =>
        Assert.Null(CosmicTokenCosts.TextMultiplier("gpt-5.2-codex"));
}
