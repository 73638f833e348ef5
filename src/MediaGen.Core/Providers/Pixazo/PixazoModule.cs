namespace MediaGen.Core.Providers.Pixazo;

/// <summary>
/// Pixazo's NVIDIA Cosmos 3 Super: text-to-image and image-to-video, submitted and waited for (the webhook and poll
/// orchestration lives with the other workflows); costs in US dollars.
/// </summary>
public sealed class PixazoModule() : ProviderModule(ProviderName.Pixazo, CostUnits.Usd, [new PixazoImageKind(), new PixazoVideoKind()])
{
    /// <inheritdoc />
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ProviderServiceCollectionExtensions.AddProvider<PixazoClient, PixazoClientOptions, PixazoClientOptionsValidator>(
            services, configuration, PixazoClientOptions.SectionName, PixazoClientOptions.SubscriptionKeySetting, o => o.SubscriptionKey, (http, options, time) => new PixazoClient(http, options, time));
        services.TryAddSingleton<IRequestValidator<PixazoTextToImageRequest>, PixazoTextToImageRequestValidator>();
        services.TryAddSingleton<IRequestValidator<PixazoImageToVideoRequest>, PixazoImageToVideoRequestValidator>();
    }
}
