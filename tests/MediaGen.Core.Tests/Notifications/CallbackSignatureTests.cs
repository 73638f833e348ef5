using MediaGen.Core.Notifications;
using StandardWebhooks;

namespace MediaGen.Core.Tests.Notifications;

public sealed class CallbackSignatureTests
{
    // The Standard Webhooks specification's published example.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = """{"test": 2432232314}""";

    [Fact]
    public void Sign_SpecificationExample_MatchesPublishedSignature()
    {
        Assert.True(CallbackSignature.TryParseSecret(SpecSecret, out var key, out _));

        var signature = CallbackSignature.Sign([key], SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_TwoKeys_OneEntryPerKeyInOrderMatchingStandardWebhooks()
    {
        var first = Testing.ReceivedWebhook.NewSecret();
        var second = Testing.ReceivedWebhook.NewSecret();
        CallbackSignature.TryParseSecret(first, out var firstKey, out _);
        CallbackSignature.TryParseSecret(second, out var secondKey, out _);
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        var signature = CallbackSignature.Sign([firstKey, secondKey], "d-1", at.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(SpecBody));

        Assert.Equal(
            new StandardWebhook(first).Sign("d-1", at, SpecBody) + " " + new StandardWebhook(second).Sign("d-1", at, SpecBody),
            signature);
    }

    [Theory]
    [InlineData("", "must have the form whsec_<base64>")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "must have the form whsec_<base64>")]
    [InlineData("whsec_not base64!", "is not base64")]
    [InlineData("whsec_c2hvcnQ=", "decodes to 5")]
    public void TryParseSecret_WrongForm_FailsSayingWhy(string secret, string reason)
    {
        Assert.False(CallbackSignature.TryParseSecret(secret, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseSecret_WhsecBase64_GivesTheKeyBytes()
    {
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        Assert.True(CallbackSignature.TryParseSecret("whsec_" + Convert.ToBase64String(bytes), out var key, out var error));

        Assert.Null(error);
        Assert.Equal(bytes, key);
    }
}
