namespace MediaGen.Core.Tests.Providers.Cosmic;

/// <summary>Video, extension and audio rules.</summary>
public sealed class CosmicMediaRequestValidatorTests
{
    private static readonly CosmicVideoRequest Video = new("A calico kitten playing with yarn");
    private static readonly CosmicVideoExtensionRequest Extension = new("65f8a3b2c4d5e6f7g8h9i0j1", "The kitten walks away");
    private static readonly CosmicAudioRequest Audio = new("Welcome to our podcast.");

    public static TheoryData<string, CosmicVideoRequest, string?, string?> VideoCases => new()
    {
        { "defaults", Video, null, null },
        { "prompt empty", Video with { Prompt = "" }, "prompt", "required" },
        { "fast", Video with { Model = "veo-3.1-fast-generate-preview" }, null, null },
        { "standard", Video with { Model = "veo-3.1-generate-preview" }, null, null },
        { "unknown model", Video with { Model = "veo-2" }, "model", "one_of" },
        { "duration 3", Video with { Duration = 3 }, "duration", "one_of" },
        { "duration 4", Video with { Duration = 4 }, null, null },
        { "duration 5", Video with { Duration = 5 }, "duration", "one_of" },
        { "duration 6", Video with { Duration = 6 }, null, null },
        { "duration 8", Video with { Duration = 8 }, null, null },
        { "duration 9", Video with { Duration = 9 }, "duration", "one_of" },
        { "720p", Video with { Resolution = "720p" }, null, null },
        { "1080p", Video with { Resolution = "1080p" }, null, null },
        { "4k", Video with { Resolution = "4k" }, "resolution", "one_of" },
        { "1 reference", Video with { ReferenceImages = ["https://cdn.cosmicjs.com/hero.jpg"] }, null, null },
        { "2 references", Video with { ReferenceImages = ["https://cdn.cosmicjs.com/a.jpg", "https://cdn.cosmicjs.com/b.jpg"] }, "reference_images", "max_items" },
        { "reference not a URL", Video with { ReferenceImages = ["hero.jpg"] }, "reference_images[0]", "url" },
        { "folder empty", Video with { Folder = "" }, "folder", "required" },
    };

    public static TheoryData<string, CosmicVideoExtensionRequest, string?, string?> ExtensionCases => new()
    {
        { "defaults", Extension, null, null },
        { "media_id missing", Extension with { MediaId = "" }, "media_id", "required" },
        { "prompt missing", Extension with { Prompt = null! }, "prompt", "required" },
        { "standard", Extension with { Model = "veo-3.1-generate-preview" }, null, null },
        { "unknown model", Extension with { Model = "dall-e-3" }, "model", "one_of" },
    };

    public static TheoryData<string, CosmicAudioRequest, string?, string?> AudioCases()
    {
        var cases = new TheoryData<string, CosmicAudioRequest, string?, string?>
        {
            { "defaults", Audio, null, null },
            { "prompt empty", Audio with { Prompt = "" }, "prompt", "required" },
            { "long prompt (chunked by provider)", Audio with { Prompt = new string('a', 10_000) }, null, null },
            { "voice Nova (case)", Audio with { Voice = "Nova" }, "voice", "one_of" },
            { "voice unknown", Audio with { Voice = "bella" }, "voice", "one_of" },
            { "tts-1", Audio with { Model = "tts-1" }, null, null },
            { "tts-1-hd", Audio with { Model = "tts-1-hd" }, null, null },
            { "tts-2", Audio with { Model = "tts-2" }, "model", "one_of" },
        };
        foreach (var voice in new[] { "nova", "shimmer", "coral", "sage", "alloy", "echo", "onyx", "fable", "ash" })
        {
            cases.Add($"voice {voice}", Audio with { Voice = voice }, null, null);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(VideoCases))]
    public void ValidateVideo_Case_ReportsTheBrokenRuleOnly(string name, CosmicVideoRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new CosmicVideoRequestValidator().Validate(request), field, rule);
    }

    [Theory]
    [MemberData(nameof(ExtensionCases))]
    public void ValidateExtension_Case_ReportsTheBrokenRuleOnly(string name, CosmicVideoExtensionRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new CosmicVideoExtensionRequestValidator().Validate(request), field, rule);
    }

    [Theory]
    [MemberData(nameof(AudioCases))]
    public void ValidateAudio_Case_ReportsTheBrokenRuleOnly(string name, CosmicAudioRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new CosmicAudioRequestValidator().Validate(request), field, rule);
    }
}
