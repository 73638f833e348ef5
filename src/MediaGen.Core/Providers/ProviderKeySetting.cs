namespace MediaGen.Core.Providers;

/// <summary>A provider's key, required for readiness: a provider without its key fails every job with <c>not_configured</c>.</summary>
/// <typeparam name="TOptions">The provider's client options.</typeparam>
internal sealed class ProviderKeySetting<TOptions>(string setting, Func<TOptions, string?> key, IOptions<TOptions> options) : ISecretSettingSource
    where TOptions : class
{
    public IEnumerable<SecretSetting> Read() => [SecretSetting.Of(setting, key(options.Value))];
}
