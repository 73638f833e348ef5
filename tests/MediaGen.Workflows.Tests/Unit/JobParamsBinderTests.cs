using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Validation;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class JobParamsBinderTests
{
    [Fact]
    public void Bind_PixazoImageWithSeedFieldNames_GivesTheTypedRequest()
    {
        var request = JobParamsBinder.Bind(ProviderName.Pixazo, JobKind.Image, Params("""
            {"prompt":"Observatory","negative_prompt":"blur","image_size":{"width":640,"height":480},"num_images":2,"output_format":"png","guidance_scale":4.5,"seed":42}
            """));

        var image = Assert.IsType<PixazoTextToImageRequest>(request);
        Assert.Equal("Observatory", image.Prompt);
        Assert.Equal(PixazoImageSize.Custom(640, 480), image.ImageSize);
        Assert.Equal(2, image.NumImages);
        Assert.Equal(4.5, image.GuidanceScale);
        Assert.Equal(42, image.Seed);
    }

    [Fact]
    public void Bind_CosmicTextMessages_GivesTheTypedRequest()
    {
        var request = JobParamsBinder.Bind(ProviderName.Cosmic, JobKind.Text, Params("""{"messages":[{"role":"user","content":"Hi"}],"max_tokens":50}"""));

        var text = Assert.IsType<CosmicTextRequest>(request);
        Assert.Equal("Hi", text.Messages![0].Content);
        Assert.Equal(50, text.MaxTokens);
    }

    [Fact]
    public void Bind_UnknownAndMistypedFields_ReportsEveryFieldUnderParams()
    {
        var error = Assert.Throws<RequestValidationException>(() => JobParamsBinder.Bind(ProviderName.Pixazo, JobKind.Image, Params("""
            {"prompt":"x","numImages":2,"num_images":"two","seed":1.5,"image_size":{"width":"wide","height":4,"depth":1}}
            """)));

        Assert.Contains(error.Errors, e => e is { Field: "params.numImages", Rule: "unknown_field" });
        Assert.Contains(error.Errors, e => e is { Field: "params.num_images", Rule: "type" } && e.Message.Contains("an integer", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e is { Field: "params.seed", Rule: "type" });
        Assert.Contains(error.Errors, e => e is { Field: "params.image_size.depth", Rule: "unknown_field" });
        Assert.Contains(error.Errors, e => e.Field.StartsWith("params.image_size", StringComparison.Ordinal) && e.Rule == "type");
    }

    [Fact]
    public void Bind_NestedMessageFieldWrong_NamesTheNestedPath()
    {
        var error = Assert.Throws<RequestValidationException>(() => JobParamsBinder.Bind(ProviderName.Cosmic, JobKind.Text, Params("""
            {"messages":[{"role":"user","content":"Hi"},{"role":"user","content":7}]}
            """)));

        Assert.Contains(error.Errors, e => e.Field.StartsWith("params.messages[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_ProviderRulesBroken_ReportsThemUnderParamsAtOnce()
    {
        var error = Assert.Throws<RequestValidationException>(() => JobParamsBinder.Bind(ProviderName.Pixazo, JobKind.Video, Params("""
            {"prompt":"","num_frames":500,"frames_per_second":2}
            """)));

        Assert.Contains(error.Errors, e => e.Field == "params.prompt");
        Assert.Contains(error.Errors, e => e is { Field: "params.image_url", Rule: "required" });
        Assert.Contains(error.Errors, e => e is { Field: "params.num_frames", Rule: "range" });
        Assert.Contains(error.Errors, e => e is { Field: "params.frames_per_second", Rule: "range" });
    }

    [Fact]
    public void Bind_WebhookUrlInParams_IsRefusedAsUnknown()
    {
        var error = Assert.Throws<RequestValidationException>(() => JobParamsBinder.Bind(ProviderName.Pixazo, JobKind.Image, Params("""
            {"prompt":"x","webhook_url":"https://evil.example/hook"}
            """)));

        Assert.Contains(error.Errors, e => e is { Field: "params.webhook_url", Rule: "unknown_field" });
    }

    [Fact]
    public void Bind_UnsupportedPair_NamesKind()
    {
        var binding = JobParamsBinder.TryBind(ProviderName.Comet, JobKind.Video, Params("""{"prompt":"x"}"""));

        Assert.False(binding.IsValid);
        Assert.Contains(binding.Errors, e => e is { Field: "kind", Rule: "not_supported" });
    }

    [Theory]
    [InlineData("cosmic", "text", """{"prompt":"Write a haiku"}""")]
    [InlineData("cosmic", "image", """{"prompt":"A mug","model":"dall-e-3","size":"1024x1024","quality":"hd"}""")]
    [InlineData("cosmic", "video", """{"prompt":"A kitten","duration":6,"resolution":"1080p"}""")]
    [InlineData("cosmic", "video-extension", """{"media_id":"abc","prompt":"It walks away"}""")]
    [InlineData("cosmic", "audio", """{"prompt":"Hello","voice":"sage","model":"tts-1-hd"}""")]
    [InlineData("pixazo", "video", """{"prompt":"Pan","image_url":"https://example.com/a.png","num_frames":93}""")]
    [InlineData("comet", "image", """{"prompt":"A boat","model":"dall-e-3","n":1,"size":"1024x1024","response_format":"url"}""")]
    public void TryBind_EveryProviderKindPair_BindsValidParams(string provider, string kind, string json)
    {
        var job = JobRequestReader.Read(JsonSerializer.SerializeToUtf8Bytes(new { kind, provider, @params = JsonDocument.Parse(json).RootElement }), DateTimeOffset.UtcNow);

        var binding = JobParamsBinder.TryBind(job.Provider, job.Kind, job.Params);

        Assert.True(binding.IsValid, string.Join("; ", binding.Errors));
    }

    private static JsonElement Params(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
