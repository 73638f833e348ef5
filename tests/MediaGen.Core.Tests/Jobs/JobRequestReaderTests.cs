namespace MediaGen.Core.Tests.Jobs;

public sealed class JobRequestReaderTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_FullRequest_ReadsEveryField()
    {
        var request = Read("""
            {"kind":"video-extension","provider":"cosmic","params":{"media_id":"m1","prompt":"go on"},
             "output":{"container":"media","folder":"demo/2030","prefix":"x-"},"idempotencyKey":"order-42:v1",
             "callbackUrl":"https://example.com/hooks/done","deadline":"2030-01-01T15:00:00+01:30"}
            """);

        Assert.Equal(JobKind.VideoExtension, request.Kind);
        Assert.Equal(ProviderName.Cosmic, request.Provider);
        Assert.Equal("m1", request.Params.GetProperty("media_id").GetString());
        Assert.Equal(new JobOutput("media", "demo/2030", "x-"), request.Output);
        Assert.Equal("order-42:v1", request.IdempotencyKey);
        Assert.Equal("https://example.com/hooks/done", request.CallbackUrl);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 15, 0, 0, TimeSpan.FromMinutes(90)), request.Deadline);
    }

    [Fact]
    public void Read_MinimalRequest_LeavesOptionalPartsEmpty()
    {
        var request = Read("""{"kind":"image","provider":"comet","params":{"prompt":"a cat"}}""");

        Assert.Null(request.Output);
        Assert.Null(request.IdempotencyKey);
        Assert.Null(request.CallbackUrl);
        Assert.Null(request.Deadline);
    }

    [Theory]
    [InlineData("cosmic", "text")]
    [InlineData("cosmic", "image")]
    [InlineData("cosmic", "video")]
    [InlineData("cosmic", "video-extension")]
    [InlineData("cosmic", "audio")]
    [InlineData("pixazo", "image")]
    [InlineData("pixazo", "video")]
    [InlineData("comet", "image")]
    public void Read_SupportedPair_IsAccepted(string provider, string kind) =>
        Assert.Equal(kind, JobRequestReader.KindText(Read(Job(kind, provider)).Kind));

    [Theory]
    [InlineData("pixazo", "text")]
    [InlineData("pixazo", "audio")]
    [InlineData("pixazo", "video-extension")]
    [InlineData("comet", "video")]
    [InlineData("comet", "text")]
    public void Read_UnsupportedPair_NamesKind(string provider, string kind) =>
        AssertRejected(Job(kind, provider), "kind", "not_supported");

    [Theory]
    [InlineData("""{"provider":"cosmic","params":{}}""", "kind", "required")]
    [InlineData("""{"kind":"image","params":{}}""", "provider", "required")]
    [InlineData("""{"kind":"image","provider":"cosmic"}""", "params", "required")]
    [InlineData("""{"kind":"picture","provider":"cosmic","params":{}}""", "kind", "one_of")]
    [InlineData("""{"kind":"image","provider":"openai","params":{}}""", "provider", "one_of")]
    [InlineData("""{"kind":"Image","provider":"cosmic","params":{}}""", "kind", "one_of")]
    [InlineData("""{"kind":null,"provider":"cosmic","params":{}}""", "kind", "required")]
    [InlineData("""{"kind":"image","provider":null,"params":{}}""", "provider", "required")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":null}""", "params", "type")]
    [InlineData("""{"kind":"image","kind":"image","provider":"cosmic","params":{}}""", "kind", "duplicate")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"folder":"a","folder":"a"}}""", "output.folder", "duplicate")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"\ud800"}}""", "params.prompt", "encoding")]
    [InlineData("""{"kind":3,"provider":"cosmic","params":{}}""", "kind", "type")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":[]}""", "params", "type")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"colour":"red"}""", "colour", "unknown_field")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":"media"}""", "output", "type")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"bucket":"a"}}""", "output.bucket", "unknown_field")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"container":"Media"}}""", "output.container", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"container":"ab"}}""", "output.container", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"container":"a--b"}}""", "output.container", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"folder":"../etc"}}""", "output.folder", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"folder":"/abs"}}""", "output.folder", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"prefix":"a/b"}}""", "output.prefix", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"output":{"container":7}}""", "output.container", "type")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"idempotencyKey":""}""", "idempotencyKey", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"idempotencyKey":"has space"}""", "idempotencyKey", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"callbackUrl":"ftp://example.com/x"}""", "callbackUrl", "url")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"callbackUrl":"/relative"}""", "callbackUrl", "url")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"deadline":"tomorrow"}""", "deadline", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"deadline":"2030-01-01T13:00:00"}""", "deadline", "format")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{},"deadline":"2030-01-01T12:00:00Z"}""", "deadline", "range")]
    [InlineData("""[]""", "$", "type")]
    [InlineData("""{"kind":"image",""", "$", "json")]
    [InlineData("""not json""", "$", "json")]
    public void Read_BadField_NamesFieldAndRule(string json, string field, string rule) => AssertRejected(json, field, rule);

    [Theory]
    [InlineData("abc")]
    [InlineData("a-b-c")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890ab")] // 63
    public void Read_ContainerNameAtLimits_IsAccepted(string container) =>
        Assert.Equal(container, Read(Job("image", "cosmic", "\"output\":{\"container\":\"" + container + "\"}")).Output!.Container);

    [Fact]
    public void Read_ContainerName64Characters_IsRejected() =>
        AssertRejected(Job("image", "cosmic", "\"output\":{\"container\":\"" + new string('a', 64) + "\"}"), "output.container", "format");

    [Fact]
    public void Read_IdempotencyKeyOf100And101Characters_AcceptsOnlyTheFirst()
    {
        Assert.NotNull(Read($$$"""{"kind":"image","provider":"cosmic","params":{},"idempotencyKey":"{{{new string('k', 100)}}}"}""").IdempotencyKey);
        AssertRejected($$$"""{"kind":"image","provider":"cosmic","params":{},"idempotencyKey":"{{{new string('k', 101)}}}"}""", "idempotencyKey", "format");
    }

    [Fact]
    public void Read_SeveralProblems_ReportsAllAtOnce()
    {
        var error = Assert.Throws<RequestValidationException>(() =>
            Read("""{"kind":"song","provider":"cosmic","extra":1,"output":{"container":"X"}}"""));

        Assert.Equal(["extra", "kind", "output.container", "params"], error.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    private static string Job(string kind, string provider, string? extra = null) =>
        "{\"kind\":\"" + kind + "\",\"provider\":\"" + provider + "\",\"params\":{}" + (extra is null ? "" : "," + extra) + "}";

    private static JobRequest Read(string json) => JobRequestReader.Read(Encoding.UTF8.GetBytes(json), Now);

    private static void AssertRejected(string json, string field, string rule)
    {
        var error = Assert.Throws<RequestValidationException>(() => Read(json));
        Assert.Contains(error.Errors, e => e.Field == field && e.Rule == rule);
    }
}
