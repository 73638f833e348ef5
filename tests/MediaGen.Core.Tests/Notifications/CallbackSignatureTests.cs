using System.Text;
using MediaGen.Core.Notifications;

namespace MediaGen.Core.Tests.Notifications;

public sealed class CallbackSignatureTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("callback-signing-key");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"job-1","status":"Completed"}""");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void Compute_KnownInputs_MatchesIndependentHmac()
    {
        using var hmac = new System.Security.Cryptography.HMACSHA256(Key);
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.UTF8.GetBytes("d-1.1800000000."), .. Body]));

        Assert.Equal(expected, CallbackSignature.Compute(Key, "d-1", 1_800_000_000, Body));
    }

    [Fact]
    public void Verify_OwnSignature_IsTrue()
    {
        var signature = CallbackSignature.Compute(Key, "d-1", Now.ToUnixTimeSeconds(), Body);

        Assert.True(CallbackSignature.Verify(Key, "d-1", "1800000000", Body, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("d-2", "1800000000", false, false)] // other delivery id
    [InlineData("d-1", "1800000001", false, false)] // other timestamp
    [InlineData("d-1", "1800000000", true, false)]  // body changed
    [InlineData("d-1", "1800000000", false, true)]  // other key
    public void Verify_AnyPartChanged_IsFalse(string deliveryId, string timestamp, bool changeBody, bool changeKey)
    {
        var signature = CallbackSignature.Compute(Key, "d-1", Now.ToUnixTimeSeconds(), Body);
        var body = changeBody ? Encoding.UTF8.GetBytes("""{"id":"job-1","status":"Failed"}""") : Body;
        var key = changeKey ? Encoding.UTF8.GetBytes("another-key") : Key;

        Assert.False(CallbackSignature.Verify(key, deliveryId, timestamp, body, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Verify_TimestampOutsideTolerance_IsFalse(int skewSeconds, bool expected)
    {
        var signedAt = Now.ToUnixTimeSeconds() + skewSeconds;
        var signature = CallbackSignature.Compute(Key, "d-1", signedAt, Body);

        Assert.Equal(expected, CallbackSignature.Verify(Key, "d-1", signedAt.ToString(System.Globalization.CultureInfo.InvariantCulture), Body, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=00")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_MalformedSignature_IsFalse(string signature) =>
        Assert.False(CallbackSignature.Verify(Key, "d-1", "1800000000", Body, signature, Now, TimeSpan.FromMinutes(5)));
}
