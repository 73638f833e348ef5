using System.Net.Http.Headers;

namespace MediaGen.Core.Tests.Providers;

public sealed class ProviderSecretsTests
{
    [Fact]
    public void Redact_ProviderQuotesTheRequestsCredentials_ReplacesEachWithStars()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://provider.example/v1/images");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-bearer-0123456789");
        request.Headers.Add("Ocp-Apim-Subscription-Key", "subscription-0123456789");
        request.Headers.Add("X-Webhook-URL", "https://host.example/api/webhooks/pixazo/job-1?secret=webhook-secret-0123456789");
        request.Headers.Add("User-Agent", "mediagen-0123456789");

        var secrets = ProviderSecrets.Of(request);
        var text = ProviderSecrets.Redact(
            "Incorrect API key provided: sk-bearer-0123456789 (subscription-0123456789), callback secret=webhook-secret-0123456789 "
            + Uri.EscapeDataString("webhook-secret-0123456789") + " from mediagen-0123456789", secrets)!;

        Assert.Equal("Incorrect API key provided: *** (***), callback secret=*** *** from mediagen-0123456789", text);
    }

    [Theory]
    [InlineData("could not fetch https://a.blob.core.windows.net/c/b.png?sv=2025&sig=AbC%2Fx&sp=r", "could not fetch https://a.blob.core.windows.net/c/b.png?sv=2025&sig=***&sp=r")]
    [InlineData("https://s3.example/o.png?X-Amz-Credential=AKIA1&X-Amz-Signature=deadbeef", "https://s3.example/o.png?X-Amz-Credential=***&X-Amz-Signature=***")]
    [InlineData("see https://x.example/?token=abc&key=def", "see https://x.example/?token=***&key=***")]
    [InlineData("{\"image_url\":\"https://a.example/b.png?sv=1\\u0026sig=AbC\"}", "{\"image_url\":\"https://a.example/b.png?sv=1\\u0026sig=***\"}")]
    [InlineData("the monkey=3 and signatures are fine", "the monkey=3 and signatures are fine")]
    public void Redact_UrlCredentialsInTheMessage_AreReplaced(string message, string expected)
    {
        Assert.Equal(expected, ProviderSecrets.Redact(message, []));
    }

    [Fact]
    public void Of_NoRequestOrShortValues_FindsNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://provider.example/");
        request.Headers.Add("x-api-key", "short");

        Assert.Empty(ProviderSecrets.Of(null));
        Assert.Empty(ProviderSecrets.Of(request));
    }
}
