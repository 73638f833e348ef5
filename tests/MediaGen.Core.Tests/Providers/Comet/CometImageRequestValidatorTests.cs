namespace MediaGen.Core.Tests.Providers.Comet;

public sealed class CometImageRequestValidatorTests
{
    private static readonly CometImageRequest Valid = new("A paper boat floating on calm water at sunrise.");

    public static TheoryData<string, CometImageRequest, string?, string?> Cases => new()
    {
        { "defaults", Valid, null, null },
        { "prompt empty", Valid with { Prompt = "" }, "prompt", "required" },
        { "model empty", Valid with { Model = "" }, "model", "required" },
        { "n 0", Valid with { N = 0 }, "n", "range" },
        { "n 1", Valid with { N = 1 }, null, null },
        { "dall-e-2 n 4", Valid with { Model = "dall-e-2", N = 4 }, null, null },
        { "qwen n 1", Valid with { Model = "qwen-image", N = 1 }, null, null },
        { "qwen n 2", Valid with { Model = "qwen-image", N = 2 }, "n", "range" },
        { "size 1024x1024", Valid with { Size = "1024x1024" }, null, null },
        { "size blank", Valid with { Size = "" }, "size", "required" },
        { "format url", Valid with { ResponseFormat = "url" }, null, null },
        { "format b64_json", Valid with { ResponseFormat = "b64_json" }, null, null },
        { "format png", Valid with { ResponseFormat = "png" }, "response_format", "one_of" },
        { "dall-e-2 url", Valid with { Model = "dall-e-2", ResponseFormat = "url" }, null, null },
        { "dall-e-3 b64", Valid with { Model = "dall-e-3", ResponseFormat = "b64_json" }, null, null },
        { "gpt-image-1 b64", Valid with { Model = "gpt-image-1", ResponseFormat = "b64_json" }, null, null },
        { "gpt-image-1 default format", Valid with { Model = "gpt-image-1" }, null, null },
        { "gpt-image-1 url", Valid with { Model = "gpt-image-1", ResponseFormat = "url" }, "response_format", "not_supported" },
        { "gpt-image-1-mini url", Valid with { Model = "gpt-image-1-mini", ResponseFormat = "url" }, "response_format", "not_supported" },
        { "gpt-image-1.5 url", Valid with { Model = "gpt-image-1.5", ResponseFormat = "url" }, "response_format", "not_supported" },
        { "qwen url", Valid with { Model = "qwen-image", ResponseFormat = "url" }, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_ReportsTheBrokenRuleOnly(string name, CometImageRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new CometImageRequestValidator().Validate(request), field, rule);
    }
}
