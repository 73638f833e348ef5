using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MediaGen.Client;

/// <summary>
/// Verifies MediaGen's completion callbacks, signed per Standard Webhooks: <c>webhook-signature</c> holds
/// space-separated <c>v1,&lt;base64 HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")&gt;</c>, the key being
/// the base64 after <c>whsec_</c> in the secret (<c>Callbacks__SigningKey</c>). A delivery older or newer than the
/// tolerance (5 minutes) is refused, so a captured one cannot be replayed later.
/// </summary>
public sealed class CallbackVerifier
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier for the secret <c>whsec_…</c>.</summary>
    /// <exception cref="ArgumentException">The secret is not <c>whsec_</c> + base64.</exception>
    public CallbackVerifier(string secret, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        const string prefix = "whsec_";
        try
        {
            _key = Convert.FromBase64String(secret.StartsWith(prefix, StringComparison.Ordinal) ? secret[prefix.Length..] : secret);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The secret must be whsec_ followed by base64.", nameof(secret), ex);
        }

        _time = time ?? TimeProvider.System;
    }

    /// <summary>Whether the delivery (its three headers and exact body) was signed with this secret, recently.</summary>
    public bool Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookSignature)
            || !long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if ((_time.GetUtcNow() - sent).Duration() > Tolerance)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.{body}"));
        foreach (var signature in webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (signature.StartsWith("v1,", StringComparison.Ordinal) && TryDecode(signature[3..], out var given)
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
