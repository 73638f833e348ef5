namespace MediaGen.Core.Tests.Providers.Cosmic;

/// <summary>Every figure of seed 001's "Pricing Overview" (text tiers, media fixed costs).</summary>
public sealed class CosmicTokenCostsTests
{
    [Theory]
    // Budget 1.0x: GPT-5 Nano, GPT-4.1 Nano, GPT-4o Mini, GPT-5 Mini, GPT-4.1 Mini, Claude Haiku 3, Claude Haiku 4.5
    [InlineData("gpt-5-nano", 1.0)]
    [InlineData("gpt-4.1-nano", 1.0)]
    [InlineData("gpt-4o-mini", 1.0)]
    [InlineData("gpt-5-mini", 1.0)]
    [InlineData("gpt-4.1-mini", 1.0)]
    [InlineData("claude-3-haiku-20240307", 1.0)]
    [InlineData("claude-haiku-4-5-20251001", 1.0)]
    // Standard 2.0x: GPT-5, GPT-5.2, GPT-4.1, GPT-4o, o1-mini, o3, o3-mini, o4-mini, Claude Sonnet 4, Sonnet 4.5, Opus 4.5–4.8, Gemini 3 Pro
    [InlineData("gpt-5", 2.0)]
    [InlineData("gpt-5.2", 2.0)]
    [InlineData("gpt-4.1", 2.0)]
    [InlineData("gpt-4o", 2.0)]
    [InlineData("o1-mini", 2.0)]
    [InlineData("o3", 2.0)]
    [InlineData("o3-mini", 2.0)]
    [InlineData("o4-mini", 2.0)]
    [InlineData("claude-sonnet-4-20250514", 2.0)]
    [InlineData("claude-sonnet-4-5-20250929", 2.0)]
    [InlineData("claude-opus-4-5-20251101", 2.0)]
    [InlineData("claude-opus-4-6", 2.0)]
    [InlineData("claude-opus-4-7", 2.0)]
    [InlineData("claude-opus-4-8", 2.0)]
    [InlineData("gemini-3-pro-preview", 2.0)]
    // Premium 4.0x: Claude Opus 4, Claude Opus 4.1, o1, o3-pro
    [InlineData("claude-opus-4-20250514", 4.0)]
    [InlineData("claude-opus-4-1-20250805", 4.0)]
    [InlineData("o1", 4.0)]
    [InlineData("o3-pro", 4.0)]
    public void TextMultiplier_EveryModelOfTheTierTable_IsItsTiersMultiplier(string model, double multiplier) =>
        Assert.Equal((decimal)multiplier, CosmicTokenCosts.TextMultiplier(model));

    [Theory]
    [InlineData("gpt-5-nano", 1_000L)]
    [InlineData("claude-opus-4-8", 2_000L)]
    [InlineData("o3-pro", 4_000L)]
    public void TextDeduction_ThousandTokensPerTier_IsTheDocumentedDeduction(string model, long deducted) =>
        Assert.Equal(deducted, CosmicTokenCosts.TextDeduction(model, 1_000));

    [Fact]
    public void TextDeduction_DefaultModel_IsOpus48StandardTierTimesTwo() =>
        Assert.Equal(2_000, CosmicTokenCosts.TextDeduction(null, 1_000));

    [Theory]
    [InlineData("gpt-5.2-codex")]
    [InlineData("gemini-3.1-pro-preview")]
    public void TextMultiplier_ModelNotInTheTierTable_IsUnknown(string model) =>
        Assert.Null(CosmicTokenCosts.TextMultiplier(model));

    [Theory]
    [InlineData("dall-e-3", "1024x1024", null, 4_800L)]
    [InlineData("dall-e-3", "1792x1024", "standard", 4_800L)]
    [InlineData("gemini-3.1-flash-image-preview", "1024x1024", null, 32_160L)]
    [InlineData("gemini-3.1-flash-image-preview", "2048x2048", null, 32_160L)]
    [InlineData("gemini-3-pro-image-preview", "2048x2048", null, 32_160L)]
    [InlineData("gemini-3.1-flash-image-preview", "4096x4096", null, 57_600L)]
    [InlineData("gemini-3-pro-image-preview", "4096x4096", null, 57_600L)]
    [InlineData(null, null, null, 32_160L)]
    public void Image_DocumentedModelAndSize_ReturnsDocumentedCost(string? model, string? size, string? quality, long expected) =>
        Assert.Equal(expected, CosmicTokenCosts.Image(model, size, quality));

    [Theory]
    [InlineData("dall-e-3", "1024x1024", "hd")]
    [InlineData("gemini-3.1-flash-image-preview", "512x512", null)]
    public void Image_UnpricedVariant_IsUnknown(string model, string size, string? quality) =>
        Assert.Null(CosmicTokenCosts.Image(model, size, quality));

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
        Assert.Equal(288_000, CosmicTokenCosts.VideoExtension("veo-3.1-fast-generate-preview"));
        Assert.Equal(768_000, CosmicTokenCosts.VideoExtension("veo-3.1-generate-preview"));
    }

    [Theory]
    [InlineData("tts-1", 82, 3_600L)]
    [InlineData("tts-1", 1000, 3_600L)]
    [InlineData("tts-1", 1001, 7_200L)]
    [InlineData("tts-1-hd", 82, 7_200L)]
    [InlineData("tts-1-hd", 2500, 21_600L)]
    public void Audio_Characters_ChargesPerStartedThousand(string model, int characters, long expected) =>
        Assert.Equal(expected, CosmicTokenCosts.Audio(model, characters));
}
