using MediaGen.Core.Costs;
using MediaGen.Core.Providers.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGen.Core.Providers.Pixazo;

/// <summary>
/// Pixazo's NVIDIA Cosmos 3 Super: text-to-image and image-to-video, submitted and waited for (the webhook and poll
/// orchestration lives with the other workflows); costs in US dollars.
/// </summary>
public sealed class PixazoModule : ProviderModule
{
    /// <inheritdoc />
    public override ProviderName Name => ProviderName.Pixazo;

    /// <inheritdoc />
    public override string CostUnit => CostUnits.Usd;

    /// <inheritdoc />
    public override IReadOnlyList<ProviderKind> Kinds { get; } = [new PixazoImageKind(), new PixazoVideoKind()];

    /// <inheritdoc />
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ProviderServiceCollectionExtensions.AddProviderOptions<PixazoClientOptions, PixazoClientOptionsValidator>(services, configuration, PixazoClientOptions.SectionName);
        ProviderServiceCollectionExtensions.AddProviderKey<PixazoClientOptions>(services, PixazoClientOptions.SubscriptionKeySetting, o => o.SubscriptionKey);
        ProviderServiceCollectionExtensions.AddProviderClient<PixazoClient, PixazoClientOptions>(services, (http, options, time) => new PixazoClient(http, options, time));
        services.TryAddSingleton<IRequestValidator<PixazoTextToImageRequest>, PixazoTextToImageRequestValidator>();
        services.TryAddSingleton<IRequestValidator<PixazoImageToVideoRequest>, PixazoImageToVideoRequestValidator>();
    }
}
