namespace MediaGen.Workflows.Tests.Unit;

public sealed class WorkflowJsonTests
{
    [Fact]
    public void Serialize_Provider_IsItsMemberNameAsHistoryInFlightHoldsIt()
    {
        var request = new JobRequest(JobKind.VideoExtension, ProviderName.Comet, JsonSerializer.SerializeToElement(new { prompt = "x" }));

        var json = JsonSerializer.Serialize(request, WorkflowJson.Options);

        Assert.StartsWith("{\"kind\":\"video-extension\",\"provider\":\"Comet\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Pixazo\"")]
    [InlineData("\"pixazo\"")]
    [InlineData("1")]
    public void Deserialize_ProviderAsMemberNameWireNameOrNumber_Reads(string json)
    {
        Assert.Equal(ProviderName.Pixazo, JsonSerializer.Deserialize<ProviderName>(json, WorkflowJson.Options));
    }

    [Theory]
    [InlineData("\"openai\"")]
    [InlineData("7")]
    [InlineData("true")]
    public void Deserialize_NotAProvider_Throws(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProviderName>(json, WorkflowJson.Options));
    }
}
