using MediaGen.Core.Providers.Comet;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Core.Providers.Validation;
using MediaGen.Core.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaGen.Core.Providers;

/// <summary>Registration of the provider clients, their options and the request validators.</summary>
public static class ProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CosmicClient"/>, <see cref="PixazoClient"/> and <see cref="CometClient"/> as typed HTTP clients
    /// each with the <see cref="ProviderResilience"/> handler (Microsoft.Extensions.Http.Resilience); binds <c>Cosmic</c>, <c>Pixazo</c>, <c>Comet</c> and
    /// <c>ProviderResilience</c> from <paramref name="configuration"/> and checks them at start-up; registers every
    /// <see cref="IRequestValidator{TRequest}"/>; reports the three keys to readiness (<see cref="ISecretSettingSource"/>).
    /// </summary>
    public static IServiceCollection AddMediaGenProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        AddOptions<CosmicClientOptions, CosmicClientOptionsValidator>(services, configuration, CosmicClientOptions.SectionName);
        AddOptions<PixazoClientOptions, PixazoClientOptionsValidator>(services, configuration, PixazoClientOptions.SectionName);
        AddOptions<CometClientOptions, CometClientOptionsValidator>(services, configuration, CometClientOptions.SectionName);
        AddOptions<ProviderResilienceOptions, ProviderResilienceOptionsValidator>(services, configuration, ProviderResilienceOptions.SectionName);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretSettingSource, ProviderKeySettings>());
        services.TryAddSingleton(TimeProvider.System);

        // Timeouts are per attempt, in the resilience handler; HttpClient's own 100 s default would cut a video call short.
        services.AddHttpClient(nameof(CosmicClient), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient<CosmicClient>((http, sp) => new CosmicClient(http, sp.GetRequiredService<IOptions<CosmicClientOptions>>().Value, sp.GetRequiredService<TimeProvider>()))
            .AddProviderResilience();
        services.AddHttpClient(nameof(PixazoClient), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient<PixazoClient>((http, sp) => new PixazoClient(http, sp.GetRequiredService<IOptions<PixazoClientOptions>>().Value, sp.GetRequiredService<TimeProvider>()))
            .AddProviderResilience();
        services.AddHttpClient(nameof(CometClient), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient<CometClient>((http, sp) => new CometClient(http, sp.GetRequiredService<IOptions<CometClientOptions>>().Value, sp.GetRequiredService<TimeProvider>()))
            .AddProviderResilience();

        services.TryAddSingleton<IRequestValidator<CosmicTextRequest>, CosmicTextRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicImageRequest>, CosmicImageRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicVideoRequest>, CosmicVideoRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicVideoExtensionRequest>, CosmicVideoExtensionRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicAudioRequest>, CosmicAudioRequestValidator>();
        services.TryAddSingleton<IRequestValidator<PixazoTextToImageRequest>, PixazoTextToImageRequestValidator>();
        services.TryAddSingleton<IRequestValidator<PixazoImageToVideoRequest>, PixazoImageToVideoRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CometImageRequest>, CometImageRequestValidator>();
        return services;
    }

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
