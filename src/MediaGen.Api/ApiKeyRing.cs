using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MediaGen.Api;

/// <summary>
/// The configured API keys by caller name. Tells which caller a request's key (header <c>x-functions-key</c> or query
/// <c>code</c>, as <see cref="ApiKeyCheck"/> reads it) belongs to, comparing with every key in constant time. The
/// comparison is over SHA-256 digests, all 32 bytes long: <see cref="CryptographicOperations.FixedTimeEquals"/> returns at
/// once when lengths differ, so comparing the keys themselves would tell a caller how long a key is.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly (string Caller, byte[] KeyDigest)[] _keys;

    /// <summary>Creates the ring from the validated options.</summary>
    public ApiKeyRing(IOptions<ApiKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var keys = value.Keys.Select(k => (k.Key, Digest(k.Value))).ToList();
        if (value.Key.Length > 0)
        {
            keys.Insert(0, (ApiKeyOptions.DefaultCallerName, Digest(value.Key)));
        }

        _keys = [.. keys];
    }

    /// <summary>The names of the callers, as configured.</summary>
    public IEnumerable<string> Callers => _keys.Select(k => k.Caller);

    /// <summary>The caller whose key <paramref name="request"/> carries; null when it carries none or an unknown one.</summary>
    public string? CallerOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApiKeyCheck.GivenKey(request) is not { } given)
        {
            return null;
        }

        var digest = Digest(given);
        string? caller = null;
        foreach (var (name, key) in _keys)
        {
            // Every key is compared, so the time taken does not tell which one (or whether one) matched.
            if (CryptographicOperations.FixedTimeEquals(digest, key))
            {
                caller = name;
            }
        }

        return caller;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
