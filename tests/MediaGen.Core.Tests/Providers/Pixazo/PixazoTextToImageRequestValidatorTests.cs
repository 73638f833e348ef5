namespace MediaGen.Core.Tests.Providers.Pixazo;

public sealed class PixazoTextToImageRequestValidatorTests
{
    private static readonly PixazoTextToImageRequest Valid = new("A futuristic mountain observatory");

    public static TheoryData<string, PixazoTextToImageRequest, string?, string?> Cases => new()
    {
        { "baseline", Valid, null, null },
        { "prompt null", Valid with { Prompt = null! }, "prompt", "required" },
        { "prompt empty", Valid with { Prompt = "" }, "prompt", "required" },
        { "prompt 1 char", Valid with { Prompt = "a" }, null, null },
        { "prompt 4096 chars", Valid with { Prompt = new string('a', 4096) }, null, null },
        { "prompt 4097 chars", Valid with { Prompt = new string('a', 4097) }, "prompt", "length" },
        { "negative_prompt empty", Valid with { NegativePrompt = "" }, null, null },
        { "negative_prompt 1024", Valid with { NegativePrompt = new string('n', 1024) }, null, null },
        { "negative_prompt 1025", Valid with { NegativePrompt = new string('n', 1025) }, "negative_prompt", "length" },
        { "agentic_max_iterations 0", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 0 }, "agentic_max_iterations", "range" },
        { "agentic_max_iterations 1", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 1 }, null, null },
        { "agentic_max_iterations 3", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 3 }, null, null },
        { "agentic_max_iterations 4", Valid with { EnableAgenticGeneration = true, AgenticMaxIterations = 4 }, "agentic_max_iterations", "range" },
        { "agentic_max_iterations without agentic", Valid with { AgenticMaxIterations = 2 }, "agentic_max_iterations", "requires" },
        { "agentic_max_iterations with agentic false", Valid with { EnableAgenticGeneration = false, AgenticMaxIterations = 2 }, "agentic_max_iterations", "requires" },
        { "agentic_samples 0", Valid with { EnableAgenticGeneration = true, AgenticSamplesPerIteration = 0 }, "agentic_samples_per_iteration", "range" },
        { "agentic_samples 1", Valid with { EnableAgenticGeneration = true, AgenticSamplesPerIteration = 1 }, null, null },
        { "agentic_samples 3", Valid with { EnableAgenticGeneration = true, AgenticSamplesPerIteration = 3 }, null, null },
        { "agentic_samples 4", Valid with { EnableAgenticGeneration = true, AgenticSamplesPerIteration = 4 }, "agentic_samples_per_iteration", "range" },
        { "agentic_samples without agentic", Valid with { AgenticSamplesPerIteration = 2 }, "agentic_samples_per_iteration", "requires" },
        { "agentic_early_stop with agentic", Valid with { EnableAgenticGeneration = true, AgenticEarlyStop = false }, null, null },
        { "agentic_early_stop without agentic", Valid with { AgenticEarlyStop = true }, "agentic_early_stop", "requires" },
        { "image_size square_hd", Valid with { ImageSize = PixazoImageSize.FromPreset("square_hd") }, null, null },
        { "image_size square", Valid with { ImageSize = PixazoImageSize.FromPreset("square") }, null, null },
        { "image_size portrait_4_3", Valid with { ImageSize = PixazoImageSize.FromPreset("portrait_4_3") }, null, null },
        { "image_size portrait_16_9", Valid with { ImageSize = PixazoImageSize.FromPreset("portrait_16_9") }, null, null },
        { "image_size landscape_4_3", Valid with { ImageSize = PixazoImageSize.FromPreset("landscape_4_3") }, null, null },
        { "image_size landscape_16_9", Valid with { ImageSize = PixazoImageSize.FromPreset("landscape_16_9") }, null, null },
        { "image_size unknown preset", Valid with { ImageSize = PixazoImageSize.FromPreset("square_4k") }, "image_size", "one_of" },
        { "image_size custom 1x1", Valid with { ImageSize = PixazoImageSize.Custom(1, 1) }, null, null },
        { "image_size width 0", Valid with { ImageSize = PixazoImageSize.Custom(0, 512) }, "image_size.width", "range" },
        { "image_size height 0", Valid with { ImageSize = PixazoImageSize.Custom(512, 0) }, "image_size.height", "range" },
        { "image_size width missing", Valid with { ImageSize = new PixazoImageSize(null, null, 512) }, "image_size.width", "required" },
        { "image_size preset and width", Valid with { ImageSize = new PixazoImageSize("square", 512, null) }, "image_size", "exactly_one" },
        { "num_inference_steps 0", Valid with { NumInferenceSteps = 0 }, "num_inference_steps", "range" },
        { "num_inference_steps 1", Valid with { NumInferenceSteps = 1 }, null, null },
        { "num_inference_steps 50", Valid with { NumInferenceSteps = 50 }, null, null },
        { "num_inference_steps 51", Valid with { NumInferenceSteps = 51 }, "num_inference_steps", "range" },
        { "guidance_scale -0.01", Valid with { GuidanceScale = -0.01 }, "guidance_scale", "range" },
        { "guidance_scale 0", Valid with { GuidanceScale = 0 }, null, null },
        { "guidance_scale 20", Valid with { GuidanceScale = 20 }, null, null },
        { "guidance_scale 20.01", Valid with { GuidanceScale = 20.01 }, "guidance_scale", "range" },
        { "guidance_scale NaN", Valid with { GuidanceScale = double.NaN }, "guidance_scale", "range" },
        { "num_images 0", Valid with { NumImages = 0 }, "num_images", "range" },
        { "num_images 1", Valid with { NumImages = 1 }, null, null },
        { "num_images 4", Valid with { NumImages = 4 }, null, null },
        { "num_images 5", Valid with { NumImages = 5 }, "num_images", "range" },
        { "output_format jpeg", Valid with { OutputFormat = "jpeg" }, null, null },
        { "output_format png", Valid with { OutputFormat = "png" }, null, null },
        { "output_format webp", Valid with { OutputFormat = "webp" }, "output_format", "one_of" },
        { "output_format JPEG", Valid with { OutputFormat = "JPEG" }, "output_format", "one_of" },
        { "seed any", Valid with { Seed = -7 }, null, null },
        { "webhook https", Valid with { WebhookUrl = "https://example.com/hook?secret=x" }, null, null },
        { "webhook relative", Valid with { WebhookUrl = "/hook" }, "X-Webhook-URL", "url" },
        { "webhook ftp", Valid with { WebhookUrl = "ftp://example.com/hook" }, "X-Webhook-URL", "url" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_ReportsTheBrokenRuleOnly(string name, PixazoTextToImageRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new PixazoTextToImageRequestValidator().Validate(request), field, rule);
    }

    [Fact]
    public void Validate_SeveralViolations_ReturnsAllAtOnce()
    {
        var request = Valid with { Prompt = "", NumImages = 9, GuidanceScale = 21, ImageSize = PixazoImageSize.Custom(0, 0) };

        var fields = new PixazoTextToImageRequestValidator().Validate(request).Select(e => e.Field).ToList();

        Assert.Equal(["prompt", "guidance_scale", "image_size.width", "image_size.height", "num_images"], fields);
    }
}
