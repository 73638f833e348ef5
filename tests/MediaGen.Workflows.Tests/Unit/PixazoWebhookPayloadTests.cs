using MediaGen.Workflows.Pixazo;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class PixazoWebhookPayloadTests
{
    [Fact]
    public void Read_CompletedStatus_ReadsIt()
    {
        var status = PixazoWebhookPayload.Read(Encoding.UTF8.GetBytes(
            """{"request_id":"r1","status":"COMPLETED","output":{"media_url":["https://example.com/a.png"]},"extra":"ignored"}"""));

        Assert.Equal(("r1", PixazoStatus.Completed), (status.RequestId, status.Status));
        Assert.Equal("https://example.com/a.png", Assert.Single(status.Output!.MediaUrl));
    }

    [Theory]
    [InlineData("", "$", "required")]
    [InlineData("[]", "$", "type")]
    [InlineData("""{"status":"QUEUED"}""", "request_id", "required")]
    [InlineData("""{"request_id":null,"status":"QUEUED"}""", "request_id", "required")]
    [InlineData("""{"request_id":" ","status":"QUEUED"}""", "request_id", "required")]
    [InlineData("""{"request_id":7,"status":"QUEUED"}""", "request_id", "type")]
    [InlineData("""{"request_id":"r1"}""", "status", "required")]
    [InlineData("""{"request_id":"r1","status":2}""", "status", "type")]
    [InlineData("""{"request_id":"r1","status":"2"}""", "status", "one_of")]
    [InlineData("""{"request_id":"r1","status":"DONE"}""", "status", "one_of")]
    [InlineData("""{"request_id":"r1","status":"QUEUED","status":"QUEUED"}""", "status", "duplicate")]
    [InlineData("""{"request_id":"r1","status":"COMPLETED"}""", "output.media_url", "required")]
    [InlineData("""{"request_id":"r1","status":"COMPLETED","output":{"media_url":[]}}""", "output.media_url", "required")]
    [InlineData("""{"request_id":"r1","status":"COMPLETED","output":{"media_url":[""]}}""", "output.media_url[0]", "type")]
    [InlineData("""{"request_id":"r1","status":"QUEUED","output":"x"}""", "output", "type")]
    [InlineData("""{"request_id":"r1","status":"QUEUED","error":{}}""", "error", "type")]
    [InlineData("""{"request_id":"r1","status":"QUEUED","created_at":"yesterday"}""", "created_at", "pixazo_status")]
    public void Problems_BadStatus_NamesTheField(string json, string field, string rule)
    {
        var problems = PixazoWebhookPayload.Problems(Encoding.UTF8.GetBytes(json));

        Assert.Contains(problems, e => e.Field == field && e.Rule == rule);
    }
}
