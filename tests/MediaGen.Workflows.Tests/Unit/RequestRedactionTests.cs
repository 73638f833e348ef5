namespace MediaGen.Workflows.Tests.Unit;

public sealed class RequestRedactionTests
{
    [Fact]
    public void Job_SecretNamedFieldsAndUrlQueries_AreRedactedAndTheRestKept()
    {
        using var parameters = JsonDocument.Parse("""
            {"prompt":"<b>keep</b> me","max_tokens":5,"api_key":"k1","webhook_secret":"k2","clientSecret":"k3","API_KEY":"k4",
             "image_url":"https://cdn.example/in.png?sv=1&sig=SIGNATURE","plain_url":"https://cdn.example/a.png",
             "images":["https://x.example/1.png?token=T1","data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]}
            """);
        var request = new JobRequest(JobKind.Image, ProviderName.Cosmic, parameters.RootElement.Clone(), new JobOutput("media", "f"),
            "my-key", "https://hooks.example/cb?token=CALLBACK");

        var redacted = RequestRedaction.Job(request);
        var text = redacted.GetRawText();

        foreach (var secret in (string[])["k1", "k2", "k3", "k4", "SIGNATURE", "T1", "CALLBACK", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var p = redacted.GetProperty("params");
        Assert.Equal("<b>keep</b> me", p.GetProperty("prompt").GetString());
        Assert.Equal(5, p.GetProperty("max_tokens").GetInt32());
        Assert.Equal(RequestRedaction.Redacted, p.GetProperty("api_key").GetString());
        Assert.Equal(RequestRedaction.Redacted, p.GetProperty("clientSecret").GetString());
        Assert.Equal("https://cdn.example/in.png?[redacted]", p.GetProperty("image_url").GetString());
        Assert.Equal("https://cdn.example/a.png", p.GetProperty("plain_url").GetString());
        Assert.StartsWith("data:image/png;base64,… (", p.GetProperty("images")[1].GetString(), StringComparison.Ordinal);
        Assert.Equal("my-key", redacted.GetProperty("idempotencyKey").GetString());
        Assert.Equal("https://hooks.example/cb?[redacted]", redacted.GetProperty("callbackUrl").GetString());
        Assert.Equal("image", redacted.GetProperty("kind").GetString());
        Assert.Equal("cosmic", redacted.GetProperty("provider").GetString());
    }

    [Fact]
    public void Chain_Input_ShowsTheAskWithoutPolicyAndWithoutCallbackSecrets()
    {
        using var initial = JsonDocument.Parse("""{"prompt":"a kite"}""");
        var input = new ChainInput(initial.RootElement.Clone(), null, ["higher", "<script>x</script>"], "veo", null,
            "https://hooks.example/cb?sig=S", DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            JobPolicy.From(new WorkflowOptions(), new MediaGen.Core.Notifications.CallbackOptions()));

        var redacted = RequestRedaction.Chain(input);

        Assert.Equal("a kite", redacted.GetProperty("initial").GetProperty("prompt").GetString());
        Assert.Equal(["higher", "<script>x</script>"], redacted.GetProperty("prompts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://hooks.example/cb?[redacted]", redacted.GetProperty("callbackUrl").GetString());
        Assert.False(redacted.TryGetProperty("policy", out _));
    }
}
