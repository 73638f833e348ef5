using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MediaGen.Core.Notifications;

/// <summary>
/// Signs completion callbacks: <c>HMAC-SHA256(key, "{deliveryId}.{timestamp}.{body}")</c>, sent as
/// <c>X-MediaGen-Signature: sha256=&lt;hex&gt;</c> beside <c>X-MediaGen-Delivery</c> and
/// <c>X-MediaGen-Timestamp</c> (Unix seconds). Receivers verify with <see cref="Verify"/>.
/// </summary>
public static class CallbackSignature
{
    /// <summary>Header carrying the delivery id, stable across retries of one delivery.</summary>
    public const string DeliveryHeader = "X-MediaGen-Delivery";

    /// <summary>Header carrying the Unix time (seconds) the attempt was signed.</summary>
    public const string TimestampHeader = "X-MediaGen-Timestamp";

    /// <summary>Header carrying <c>sha256=&lt;lowercase hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-MediaGen-Signature";

    private const string Scheme = "sha256=";

    /// <summary>The signature header value for one attempt.</summary>
    public static string Compute(ReadOnlySpan<byte> key, string deliveryId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        return Scheme + Convert.ToHexStringLower(Mac(key, deliveryId, timestamp, body));
    }

    /// <summary>
    /// True when <paramref name="signature"/> is the one <see cref="Compute"/> gives and
    /// <paramref name="timestamp"/> is within <paramref name="tolerance"/> of <paramref name="now"/>
    /// (which stops replays of old deliveries). The comparison takes constant time.
    /// </summary>
    public static bool Verify(
        ReadOnlySpan<byte> key, string deliveryId, string timestamp, ReadOnlySpan<byte> body, string signature,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(deliveryId)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds
            || !signature.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        var hex = signature.AsSpan(Scheme.Length);
        if (hex.Length != 64 || Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(key, deliveryId, seconds, body));
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, string deliveryId, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{deliveryId}.{timestamp}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
