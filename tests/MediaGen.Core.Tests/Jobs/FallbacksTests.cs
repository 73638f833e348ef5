namespace MediaGen.Core.Tests.Jobs;

/// <summary><c>fallbacks</c> read strictly (400 naming the field), and image params mapped across providers.</summary>
public sealed class FallbacksTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_FallbacksWithAndWithoutParams_ReadsThemInOrder()
    {
        var request = Read("""
            {"kind":"image","provider":"cosmic","params":{"prompt":"a cat"},
             "fallbacks":[{"provider":"comet","params":{"prompt":"a cat","model":"dall-e-3"}},{"provider":"pixazo"}]}
            """);

        Assert.Equal([ProviderName.Comet, ProviderName.Pixazo], request.Fallbacks!.Select(f => f.Provider));
        Assert.Equal("dall-e-3", request.Fallbacks![0].Params!.Value.GetProperty("model").GetString());
        Assert.Null(request.Fallbacks[1].Params);
        var candidates = request.Candidates();
        Assert.Equal([ProviderName.Cosmic, ProviderName.Comet, ProviderName.Pixazo], candidates.Select(c => c.Provider));
        Assert.All(candidates, c => Assert.Null(c.Fallbacks));
        Assert.Equal("a cat", candidates[2].Params.GetProperty("prompt").GetString());
    }

    [Theory]
    [InlineData("\"pixazo\"", "fallbacks", "type")]
    [InlineData("[]", "fallbacks", "range")]
    [InlineData("""[{"provider":"comet"},{"provider":"comet"},{"provider":"pixazo"},{"provider":"pixazo"}]""", "fallbacks", "range")]
    [InlineData("[1]", "fallbacks[0]", "type")]
    [InlineData("""[{"params":{}}]""", "fallbacks[0].provider", "required")]
    [InlineData("""[{"provider":null}]""", "fallbacks[0].provider", "required")]
    [InlineData("""[{"provider":"dalle"}]""", "fallbacks[0].provider", "one_of")]
    [InlineData("""[{"provider":7}]""", "fallbacks[0].provider", "type")]
    [InlineData("""[{"provider":"comet","params":[]}]""", "fallbacks[0].params", "type")]
    [InlineData("""[{"provider":"comet","model":"x"}]""", "fallbacks[0].model", "unknown_field")]
    public void Read_BadFallbacks_NamesTheField(string fallbacks, string field, string rule) =>
        AssertRejected($$"""{"kind":"image","provider":"cosmic","params":{"prompt":"a"},"fallbacks":{{fallbacks}}}""", field, rule);

    [Fact]
    public void Read_FallbackProviderWithoutTheKind_NamesItsProvider() =>
        AssertRejected("""{"kind":"audio","provider":"cosmic","params":{"prompt":"a"},"fallbacks":[{"provider":"comet","params":{"prompt":"a"}}]}""",
            "fallbacks[0].provider", "not_supported");

    [Fact]
    public void Read_NonImageFallbackWithoutParams_NamesItsParams() =>
        AssertRejected("""{"kind":"video","provider":"cosmic","params":{"prompt":"a"},"fallbacks":[{"provider":"pixazo"}]}""",
            "fallbacks[0].params", "required");

    [Theory]
    [InlineData(ProviderName.Cosmic, """{"prompt":"p","aspect_ratio":"16:9"}""", ProviderName.Pixazo, "image_size", "landscape_16_9")]
    [InlineData(ProviderName.Cosmic, """{"prompt":"p","aspect_ratio":"9:16"}""", ProviderName.Comet, "size", "1024x1792")]
    [InlineData(ProviderName.Cosmic, """{"prompt":"p","aspect_ratio":"3:4"}""", ProviderName.Pixazo, "image_size", "portrait_4_3")]
    [InlineData(ProviderName.Cosmic, """{"prompt":"p","size":"2048x2048"}""", ProviderName.Pixazo, "image_size", "square_hd")]
    [InlineData(ProviderName.Pixazo, """{"prompt":"p","image_size":"landscape_4_3"}""", ProviderName.Cosmic, "aspect_ratio", "4:3")]
    [InlineData(ProviderName.Pixazo, """{"prompt":"p","image_size":{"width":1920,"height":1080}}""", ProviderName.Comet, "size", "1792x1024")]
    [InlineData(ProviderName.Comet, """{"prompt":"p","size":"1792x1024"}""", ProviderName.Cosmic, "aspect_ratio", "16:9")]
    [InlineData(ProviderName.Comet, """{"prompt":"p","size":"1024x1024"}""", ProviderName.Pixazo, "image_size", "square_hd")]
    public void MapImage_Shape_FollowsTheAspectRatio(ProviderName from, string parameters, ProviderName to, string field, string value)
    {
        var primary = new JobRequest(JobKind.Image, from, JsonDocument.Parse(parameters).RootElement.Clone());

        var mapped = FailoverMapping.MapImage(primary, to);

        Assert.Equal("p", mapped.GetProperty("prompt").GetString());
        Assert.Equal(value, mapped.GetProperty(field).GetString());
    }

    [Fact]
    public void MapImage_ProviderOwnOptions_AreNotCarriedOver()
    {
        var primary = new JobRequest(JobKind.Image, ProviderName.Pixazo, JsonDocument.Parse("""{"prompt":"p","num_images":4,"seed":7}""").RootElement.Clone());

        var mapped = FailoverMapping.MapImage(primary, ProviderName.Comet);

        // No shape asked for: the target's own default applies.
        Assert.Equal(["prompt"], mapped.EnumerateObject().Select(p => p.Name));
    }

    private static JobRequest Read(string json) => JobRequestReader.Read(Encoding.UTF8.GetBytes(json), Now);

    private static void AssertRejected(string json, string field, string rule)
    {
        var error = Assert.Throws<RequestValidationException>(() => Read(json));
        Assert.Contains(error.Errors, e => e.Field == field && e.Rule == rule);
    }
}
