using MediaGen.Core.Notifications;

namespace MediaGen.Host.Tests.Notifications;

/// <summary>
/// The README's JavaScript receiver snippet holds: the npm <c>standardwebhooks</c> library (installed by
/// <c>scripts/bootstrap.sh</c>) verifies MediaGen's signatures — with either secret while a rotation is under way — and
/// refuses a tampered body.
/// </summary>
public sealed class CallbackSignatureNodeTests
{
    // Verifies argv[1] (body) with headers argv[2..4] against each secret in argv[5..]; prints "valid" or the error.
    private const string Verify = """
        const { Webhook } = require('standardwebhooks');
        const [body, id, timestamp, signature, ...secrets] = process.argv.slice(1);
        for (const secret of secrets) {
          try { new Webhook(secret).verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature }); console.log('valid'); }
          catch (e) { console.log(e.message); }
        }
        """;

    [Fact]
    public async Task Sign_TwoKeysDuringRotation_NpmStandardWebhooksVerifiesWithEitherSecret()
    {
        var (signed, timestamp, first, second) = SignTwoKeys(out var body);

        var (exitCode, output) = await NpmTool.RunAsync("node", "-e", Verify, body, "d-node-1", timestamp, signed, first, second);

        Assert.Equal(0, exitCode);
        Assert.Equal(["valid", "valid"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Sign_BodyTampered_NpmStandardWebhooksRefusesIt()
    {
        var (signed, timestamp, first, _) = SignTwoKeys(out var body);

        var (exitCode, output) = await NpmTool.RunAsync("node", "-e", Verify, body.Replace("Completed", "Failed", StringComparison.Ordinal), "d-node-1", timestamp, signed, first);

        Assert.Equal(0, exitCode);
        Assert.Contains("No matching signature found", output, StringComparison.Ordinal);
    }

    private static (string Signature, string Timestamp, string First, string Second) SignTwoKeys(out string body)
    {
        var first = ReceivedWebhook.NewSecret();
        var second = ReceivedWebhook.NewSecret();
        Assert.True(CallbackSignature.TryParseSecret(first, out var firstKey, out _));
        Assert.True(CallbackSignature.TryParseSecret(second, out var secondKey, out _));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        body = """{"type":"job","id":"job-1","status":"Completed"}""";
        var signature = CallbackSignature.Sign([firstKey, secondKey], "d-node-1", timestamp, Encoding.UTF8.GetBytes(body));
        return (signature, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), first, second);
    }
}
