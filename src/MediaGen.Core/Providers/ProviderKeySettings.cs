using MediaGen.Core.Providers.Comet;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Core.Secrets;
using Microsoft.Extensions.Options;

namespace MediaGen.Core.Providers;

/// <summary>The providers' keys, each required for readiness: a provider without its key fails every job with <c>not_configured</c>.</summary>
internal sealed class ProviderKeySettings(
    IOptions<CosmicClientOptions> cosmic, IOptions<PixazoClientOptions> pixazo, IOptions<CometClientOptions> comet) : ISecretSettingSource
{
    public IEnumerable<SecretSetting> Read() =>
    [
        SecretSetting.Of(CosmicClientOptions.WriteKeySetting, cosmic.Value.WriteKey),
        SecretSetting.Of(PixazoClientOptions.SubscriptionKeySetting, pixazo.Value.SubscriptionKey),
        SecretSetting.Of(CometClientOptions.ApiKeySetting, comet.Value.ApiKey),
    ];
}
