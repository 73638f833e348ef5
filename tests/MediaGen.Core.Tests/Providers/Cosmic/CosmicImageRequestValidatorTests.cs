namespace MediaGen.Core.Tests.Providers.Cosmic;

public sealed class CosmicImageRequestValidatorTests
{
    private const string Flash = "gemini-3.1-flash-image-preview";
    private const string Pro = "gemini-3-pro-image-preview";
    private const string Dalle = "dall-e-3";
    private static readonly CosmicImageRequest Valid = new("A serene mountain landscape at sunset");

    private static string[] Urls(int count) => Enumerable.Range(0, count).Select(i => $"https://cdn.cosmicjs.com/ref-{i}.jpg").ToArray();

    public static TheoryData<string, CosmicImageRequest, string?, string?> Cases => new()
    {
        { "defaults", Valid, null, null },
        { "prompt empty", Valid with { Prompt = "" }, "prompt", "required" },
        { "unknown model", Valid with { Model = "midjourney" }, "model", "one_of" },
        { "flash 512", Valid with { Model = Flash, Size = "512x512" }, null, null },
        { "flash 4096", Valid with { Model = Flash, Size = "4096x4096" }, null, null },
        { "flash 1792x1024", Valid with { Model = Flash, Size = "1792x1024" }, "size", "one_of" },
        { "default model 512", Valid with { Size = "512x512" }, null, null },
        { "pro 1024", Valid with { Model = Pro, Size = "1024x1024" }, null, null },
        { "pro 4096", Valid with { Model = Pro, Size = "4096x4096" }, null, null },
        { "pro 512", Valid with { Model = Pro, Size = "512x512" }, "size", "one_of" },
        { "dalle 1792x1024", Valid with { Model = Dalle, Size = "1792x1024" }, null, null },
        { "dalle 1024x1792", Valid with { Model = Dalle, Size = "1024x1792" }, null, null },
        { "dalle 2048", Valid with { Model = Dalle, Size = "2048x2048" }, "size", "one_of" },
        { "dalle hd", Valid with { Model = Dalle, Quality = "hd" }, null, null },
        { "dalle standard", Valid with { Model = Dalle, Quality = "standard" }, null, null },
        { "dalle ultra", Valid with { Model = Dalle, Quality = "ultra" }, "quality", "one_of" },
        { "flash hd", Valid with { Model = Flash, Quality = "hd" }, "quality", "not_supported" },
        { "flash 8:1", Valid with { Model = Flash, AspectRatio = "8:1" }, null, null },
        { "flash 1:4", Valid with { Model = Flash, AspectRatio = "1:4" }, null, null },
        { "flash 16:10", Valid with { Model = Flash, AspectRatio = "16:10" }, "aspect_ratio", "one_of" },
        { "pro 21:9", Valid with { Model = Pro, AspectRatio = "21:9" }, null, null },
        { "pro 8:1", Valid with { Model = Pro, AspectRatio = "8:1" }, "aspect_ratio", "one_of" },
        { "dalle aspect", Valid with { Model = Dalle, AspectRatio = "1:1" }, "aspect_ratio", "not_supported" },
        { "flash 14 refs", Valid with { Model = Flash, ReferenceImages = Urls(14) }, null, null },
        { "flash 15 refs", Valid with { Model = Flash, ReferenceImages = Urls(15) }, "reference_images", "max_items" },
        { "pro 5 refs", Valid with { Model = Pro, ReferenceImages = Urls(5) }, null, null },
        { "pro 6 refs", Valid with { Model = Pro, ReferenceImages = Urls(6) }, "reference_images", "max_items" },
        { "dalle 1 ref", Valid with { Model = Dalle, ReferenceImages = Urls(1) }, "reference_images", "not_supported" },
        { "dalle no refs", Valid with { Model = Dalle, ReferenceImages = [] }, null, null },
        { "ref not a URL", Valid with { ReferenceImages = ["https://cdn.cosmicjs.com/a.jpg", "b.jpg"] }, "reference_images[1]", "url" },
        { "folder blank", Valid with { Folder = " " }, "folder", "required" },
        { "folder, alt text, metadata", Valid with { Folder = "ai-generated", AltText = "alt", Metadata = new Dictionary<string, System.Text.Json.JsonElement>() }, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_ReportsTheBrokenRuleOnly(string name, CosmicImageRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new CosmicImageRequestValidator().Validate(request), field, rule);
    }
}
