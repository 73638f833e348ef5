using System.Buffers.Text;

namespace MediaGen.Workflows;

/// <summary>
/// The <c>continuationToken</c> of a job list page: the engine's own token with a check value, base64url-encoded
/// (<c>{token}.{check}</c>). A token the API did not hand out is refused as such before it reaches the engine, which
/// would read garbage as a position (or fail on it) in its own way on each host.
/// </summary>
public static class JobPageToken
{
    private const int CheckBytes = 8;

    /// <summary>The API token for the engine's <paramref name="engineToken"/>.</summary>
    public static string Encode(string engineToken)
    {
        ArgumentNullException.ThrowIfNull(engineToken);
        var bytes = Encoding.UTF8.GetBytes(engineToken);
        return $"{Base64Url.EncodeToString(bytes)}.{Base64Url.EncodeToString(Check(bytes))}";
    }

    /// <summary>The engine's token inside <paramref name="token"/>, or false when the API did not hand it out.</summary>
    public static bool TryDecode(string token, out string engineToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        engineToken = "";
        var dot = token.LastIndexOf('.');
        if (dot <= 0 || !Base64Url.IsValid(token.AsSpan(0, dot)) || !Base64Url.IsValid(token.AsSpan(dot + 1)))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        if (!CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(token.AsSpan(dot + 1)), Check(bytes)))
        {
            return false;
        }

        engineToken = Encoding.UTF8.GetString(bytes);
        return true;
    }

    private static byte[] Check(byte[] bytes) => SHA256.HashData(bytes)[..CheckBytes];
}
