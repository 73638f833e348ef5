namespace MediaGen.Core.Tests.Providers.Pixazo;

public sealed class PixazoImageToVideoRequestValidatorTests
{
    private static readonly PixazoImageToVideoRequest Valid = new("Cinematic slow camera push-in", "https://cdn.example.com/frame.jpeg");

    public static TheoryData<string, PixazoImageToVideoRequest, string?, string?> Cases => new()
    {
        { "baseline", Valid, null, null },
        { "prompt empty", Valid with { Prompt = "" }, "prompt", "required" },
        { "prompt 1 char", Valid with { Prompt = "a" }, null, null },
        { "prompt 4096 chars", Valid with { Prompt = new string('a', 4096) }, null, null },
        { "prompt 4097 chars", Valid with { Prompt = new string('a', 4097) }, "prompt", "length" },
        { "image_url missing", Valid with { ImageUrl = null! }, "image_url", "required" },
        { "image_url blank", Valid with { ImageUrl = " " }, "image_url", "required" },
        { "image_url relative", Valid with { ImageUrl = "frame.jpeg" }, "image_url", "url" },
        { "negative_prompt 2048", Valid with { NegativePrompt = new string('n', 2048) }, null, null },
        { "negative_prompt 2049", Valid with { NegativePrompt = new string('n', 2049) }, "negative_prompt", "length" },
        { "num_frames 4", Valid with { NumFrames = 4 }, "num_frames", "range" },
        { "num_frames 5", Valid with { NumFrames = 5 }, null, null },
        { "num_frames 189", Valid with { NumFrames = 189 }, null, null },
        { "num_frames 190", Valid with { NumFrames = 190 }, "num_frames", "range" },
        { "frames_per_second 3", Valid with { FramesPerSecond = 3 }, "frames_per_second", "range" },
        { "frames_per_second 4", Valid with { FramesPerSecond = 4 }, null, null },
        { "frames_per_second 60", Valid with { FramesPerSecond = 60 }, null, null },
        { "frames_per_second 61", Valid with { FramesPerSecond = 61 }, "frames_per_second", "range" },
        { "num_inference_steps 0", Valid with { NumInferenceSteps = 0 }, "num_inference_steps", "range" },
        { "num_inference_steps 1", Valid with { NumInferenceSteps = 1 }, null, null },
        { "num_inference_steps 50", Valid with { NumInferenceSteps = 50 }, null, null },
        { "num_inference_steps 51", Valid with { NumInferenceSteps = 51 }, "num_inference_steps", "range" },
        { "guidance_scale -1", Valid with { GuidanceScale = -1 }, "guidance_scale", "range" },
        { "guidance_scale 0", Valid with { GuidanceScale = 0 }, null, null },
        { "guidance_scale 20", Valid with { GuidanceScale = 20 }, null, null },
        { "guidance_scale 20.5", Valid with { GuidanceScale = 20.5 }, "guidance_scale", "range" },
        { "agentic_max_iterations 0", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 0 }, "agentic_max_iterations", "range" },
        { "agentic_max_iterations 1", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 1 }, null, null },
        { "agentic_max_iterations 3", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 3 }, null, null },
        { "agentic_max_iterations 4", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 4 }, "agentic_max_iterations", "range" },
        { "agentic_samples 0", Valid with { EnableAgenticGeneration = true, AgenticSamplesPerIteration = 0 }, "agentic_samples_per_iteration", "range" },
        { "agentic_samples 3", Valid with { EnableAgenticGeneration = true, AgenticSamplesPerIteration = 3 }, null, null },
        { "agentic_samples 4", Valid with { EnableAgenticGeneration = true, AgenticSamplesPerIteration = 4 }, "agentic_samples_per_iteration", "range" },
        { "agentic_early_stop without agentic", Valid with { AgenticEarlyStop = false }, "agentic_early_stop", "requires" },
        { "image_size preset", Valid with { ImageSize = PixazoImageSize.FromPreset("landscape_16_9") }, null, null },
        { "image_size unknown preset", Valid with { ImageSize = PixazoImageSize.FromPreset("widescreen") }, "image_size", "one_of" },
        { "image_size custom 832x480", Valid with { ImageSize = PixazoImageSize.Custom(832, 480) }, null, null },
        { "image_size height missing", Valid with { ImageSize = new PixazoImageSize(null, 832, null) }, "image_size.height", "required" },
        { "image_size width negative", Valid with { ImageSize = PixazoImageSize.Custom(-1, 480) }, "image_size.width", "range" },
        { "webhook not a URL", Valid with { WebhookUrl = "callback" }, "X-Webhook-URL", "url" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_ReportsTheBrokenRuleOnly(string name, PixazoImageToVideoRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new PixazoImageToVideoRequestValidator().Validate(request), field, rule);
    }
}
