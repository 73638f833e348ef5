namespace MediaGen.Core.Providers.Comet;

/// <summary>CometAPI's OpenAI-compatible image generation: synchronous; costs in US dollars when prices are configured.</summary>
public sealed class CometModule() : ProviderModule(ProviderName.Comet, CostUnits.Usd, [new CometImageKind()])
{
    /// <summary>The OpenAI-compatible error code.</summary>
    public override bool IsContentPolicyRefusal(string? code, string? message) =>
        ProviderErrorMapper.Mentions(code, "content_policy_violation") || ProviderErrorMapper.Mentions(message, "content_policy_violation");

    /// <inheritdoc />
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ProviderServiceCollectionExtensions.AddProvider<CometClient, CometClientOptions, CometClientOptionsValidator>(
            services, configuration, CometClientOptions.SectionName, CometClientOptions.ApiKeySetting, o => o.ApiKey, (http, options, time) => new CometClient(http, options, time));
        services.TryAddSingleton<IRequestValidator<CometImageRequest>, CometImageRequestValidator>();
    }
}
