using MediaGen.Core.Costs;
using MediaGen.Core.Providers.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGen.Core.Providers.Comet;

/// <summary>CometAPI's OpenAI-compatible image generation: synchronous; costs in US dollars when prices are configured.</summary>
public sealed class CometModule : ProviderModule
{
    /// <inheritdoc />
    public override ProviderName Name => ProviderName.Comet;

    /// <inheritdoc />
    public override string CostUnit => CostUnits.Usd;

    /// <inheritdoc />
    public override IReadOnlyList<ProviderKind> Kinds { get; } = [new CometImageKind()];

    /// <summary>The OpenAI-compatible error code.</summary>
    public override bool IsContentPolicyRefusal(string? code, string? message) =>
        ProviderErrorMapper.Mentions(code, "content_policy_violation") || ProviderErrorMapper.Mentions(message, "content_policy_violation");

    /// <inheritdoc />
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ProviderServiceCollectionExtensions.AddProviderOptions<CometClientOptions, CometClientOptionsValidator>(services, configuration, CometClientOptions.SectionName);
        ProviderServiceCollectionExtensions.AddProviderKey<CometClientOptions>(services, CometClientOptions.ApiKeySetting, o => o.ApiKey);
        ProviderServiceCollectionExtensions.AddProviderClient<CometClient, CometClientOptions>(services, (http, options, time) => new CometClient(http, options, time));
        services.TryAddSingleton<IRequestValidator<CometImageRequest>, CometImageRequestValidator>();
    }
}
