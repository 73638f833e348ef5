namespace MediaGen.Core.Tests.Providers.Pixazo;

/// <summary>Status and webhook payloads.</summary>
public sealed class PixazoRequestStatusTests
{
    [Theory]
    [InlineData("QUEUED", PixazoStatus.Queued, false)]
    [InlineData("PROCESSING", PixazoStatus.Processing, false)]
    [InlineData("FAILED", PixazoStatus.Failed, true)]
    [InlineData("ERROR", PixazoStatus.Error, true)]
    public void Parse_EachStatus_IsTyped(string wire, PixazoStatus expected, bool terminal)
    {
        var status = PixazoRequestStatus.Parse(Encoding.UTF8.GetBytes($$"""{"request_id":"r1","status":"{{wire}}","model_id":"cosmos-3-super-text-to-image","error":null,"output":null}"""));

        Assert.Equal(expected, status.Status);
        Assert.Equal(terminal, status.IsTerminal);
    }

    [Fact]
    public void Parse_Completed_HasMediaUrlsAndType()
    {
        var status = PixazoRequestStatus.Parse("""{"request_id":"r1","status":"COMPLETED","output":{"media_url":["https://a/1.jpg","https://a/2.jpg"],"media_type":"image/jpeg"}}"""u8);

        Assert.Equal(["https://a/1.jpg", "https://a/2.jpg"], status.Output!.MediaUrl);
        Assert.Equal("image/jpeg", status.Output.MediaType);
    }

    [Fact]
    public void ToProviderException_Failed_IsTerminalGenerationFailure()
    {
        var status = PixazoRequestStatus.Parse("""{"request_id":"r1","status":"FAILED","error":"NSFW content detected","output":null}"""u8);

        var error = status.ToProviderException()!;

        Assert.Equal(ProviderErrorType.GenerationFailed, error.ErrorType);
        Assert.False(error.IsRetryable);
        Assert.Equal("NSFW content detected", error.ProviderMessage);
        Assert.Equal(ProviderName.Pixazo, error.Provider);
    }

    [Fact]
    public void ToProviderException_Error_IsNotChargedSystemErrorThatMayBeResubmitted()
    {
        var status = PixazoRequestStatus.Parse("""{"request_id":"r1","status":"ERROR","model_id":"cosmos-3-super-image-to-video","error":"Description of the error","output":null}"""u8);

        var error = status.ToProviderException()!;

        Assert.Equal(ProviderErrorType.SystemError, error.ErrorType);
        Assert.True(error.IsRetryable);
        Assert.Contains("not charged", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"request_id":"r1","status":"DONE"}""")]
    [InlineData("""{"request_id":"r1","status":"completed-ish"}""")]
    [InlineData("""{"status":"QUEUED"}""")]
    [InlineData("""{"request_id":"","status":"QUEUED"}""")]
    [InlineData("""{"request_id":"r1"}""")]
    [InlineData("""{"request_id":"r1","status":"COMPLETED","output":null}""")]
    [InlineData("""{"request_id":"r1","status":"COMPLETED","output":{"media_url":[]}}""")]
    [InlineData("""{"request_id":"r1","status":"COMPLETED","output":{"media_url":"https://a/1.jpg"}}""")]
    [InlineData("""{"request_id":7,"status":"QUEUED"}""")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("null")]
    public void Parse_UnexpectedPayload_IsMalformedResponse(string payload)
    {
        var error = Assert.Throws<ProviderException>(() => PixazoRequestStatus.Parse(Encoding.UTF8.GetBytes(payload)));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
        Assert.Equal(ProviderName.Pixazo, error.Provider);
    }

    [Fact]
    public async Task ParseAsync_WebhookBodyStream_ParsesLikeParse()
    {
        using var body = new MemoryStream("""{"request_id":"r9","status":"PROCESSING"}"""u8.ToArray());

        var status = await PixazoRequestStatus.ParseAsync(body);

        Assert.Equal(new PixazoRequestStatus("r9", PixazoStatus.Processing), status);
    }
}
