using System.Security.Cryptography;

namespace MediaGen.Core.Notifications;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com): <c>webhook-signature: v1,&lt;base64 HMAC-SHA256(key,
/// "{webhook-id}.{webhook-timestamp}.{body}")&gt;</c>, one space-separated entry per signing key. Receivers verify with a
/// stock Standard Webhooks library; this class only signs.
/// </summary>
public static class CallbackSignature
{
    /// <summary>Header carrying the delivery id, stable across retries of one delivery.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>Header carrying the Unix time (seconds) the attempt was signed.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>Header carrying the space-separated <c>v1,&lt;base64&gt;</c> signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The prefix of a Standard Webhooks secret.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>Fewest and most key bytes a secret may decode to (the specification's range).</summary>
    private const int MinKeyBytes = 24, MaxKeyBytes = 64;

    /// <summary>
    /// Decodes a <c>whsec_&lt;base64&gt;</c> secret to its key bytes; false (with <paramref name="error"/> saying why) for any
    /// other form or a key outside 24–64 bytes.
    /// </summary>
    public static bool TryParseSecret(string? secret, out byte[] key, out string? error)
    {
        key = [];
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            error = $"must have the form {SecretPrefix}<base64>";
            return false;
        }

        var encoded = secret.AsSpan(SecretPrefix.Length);
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written))
        {
            error = $"must have the form {SecretPrefix}<base64>; the part after {SecretPrefix} is not base64";
            return false;
        }

        if (written is < MinKeyBytes or > MaxKeyBytes)
        {
            error = $"must decode to {MinKeyBytes}–{MaxKeyBytes} bytes (decodes to {written})";
            return false;
        }

        key = buffer[..written];
        error = null;
        return true;
    }

    /// <summary>The <c>webhook-signature</c> value for one attempt: one <c>v1,…</c> entry per key, in order, space-separated.</summary>
    public static string Sign(IReadOnlyList<byte[]> keys, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one signing key is needed.", nameof(keys));
        }

        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{timestamp}."));
        var signatures = new StringBuilder();
        foreach (var key in keys)
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            hmac.AppendData(prefix);
            hmac.AppendData(body);
            signatures.Append(signatures.Length == 0 ? "v1," : " v1,").Append(Convert.ToBase64String(hmac.GetHashAndReset()));
        }

        return signatures.ToString();
    }
}
