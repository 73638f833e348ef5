namespace MediaGen.Api;

/// <summary>
/// The configured API keys by caller name. Tells which caller a request's key (header <c>x-functions-key</c> or query
/// <c>code</c>, as <see cref="ApiKeyCheck"/> reads it) belongs to, comparing with every key in constant time. The
/// comparison is over SHA-256 digests, all 32 bytes long: <see cref="CryptographicOperations.FixedTimeEquals"/> returns at
/// once when lengths differ, so comparing the keys themselves would tell a caller how long a key is. A key setting
/// holding an unresolved Key Vault reference is no key (its text is public): it lets nobody in, and readiness names it.
/// </summary>
public sealed class ApiKeyRing : ISecretSettingSource
{
    private readonly (string Caller, byte[] KeyDigest)[] _keys;
    private readonly SecretSetting[] _settings;

    /// <summary>Creates the ring from the validated options; keys that are unresolved Key Vault references are left out.</summary>
    public ApiKeyRing(IOptions<ApiKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var settings = value.Keys.Select(k => (k.Key, Setting: SecretSetting.Of($"Api__Keys__{k.Key}", k.Value), k.Value)).ToList();
        settings.Insert(0, (ApiKeyOptions.DefaultCallerName, SecretSetting.Of(DefaultKeySetting, value.Key, required: false), value.Key));
        _keys = [.. settings.Where(s => s.Setting.State == SecretState.Set).Select(s => (s.Key, Digest(s.Value)))];
        _settings = [.. settings.Select(s => s.Setting)];
    }

    /// <summary>The app-setting name of <see cref="ApiKeyOptions.Key"/>.</summary>
    public const string DefaultKeySetting = "Api__Key";

    /// <summary>The names of the callers whose keys are usable.</summary>
    public IEnumerable<string> Callers => _keys.Select(k => k.Caller);

    /// <summary>Whether any caller's key is usable; when none is, no request can be let in (every key is unresolved).</summary>
    public bool HasUsableKey => _keys.Length > 0;

    /// <summary>The key settings that are unresolved Key Vault references, by app-setting name.</summary>
    public IReadOnlyList<string> UnresolvedSettings => [.. _settings.Where(s => s.State == SecretState.Unresolved).Select(s => s.Name)];

    /// <inheritdoc />
    public IEnumerable<SecretSetting> Read() => _settings;

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
