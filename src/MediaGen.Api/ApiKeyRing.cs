using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MediaGen.Api;

/// <summary>
/// The configured API keys by caller name. Tells which caller a request's key (header <c>x-functions-key</c> or query
/// <c>code</c>, as <see cref="ApiKeyCheck"/> reads it) belongs to, comparing with every key in constant time.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly (string Caller, byte[] Key)[] _keys;

    /// <summary>Creates the ring from the validated options.</summary>
    public ApiKeyRing(IOptions<ApiKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var keys = value.Keys.Select(k => (k.Key, Encoding.UTF8.GetBytes(k.Value))).ToList();
        if (value.Key.Length > 0)
        {
            keys.Insert(0, (ApiKeyOptions.DefaultCallerName, Encoding.UTF8.GetBytes(value.Key)));
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

        var bytes = Encoding.UTF8.GetBytes(given);
        string? caller = null;
        foreach (var (name, key) in _keys)
        {
            // Every key is compared, so the time taken does not tell which one (or whether one) matched.
            if (CryptographicOperations.FixedTimeEquals(bytes, key))
            {
                caller = name;
            }
        }

        return caller;
    }
}
