using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGen.Simulator.Hosting;

/// <summary>Registers the provider simulator's services.</summary>
public static class SimulatorServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="SimulatorOptions"/> binds from.</summary>
    internal const string OptionsSection = "Simulator";

    /// <summary>Adds the simulator: options (section <c>Simulator</c>, then <paramref name="configure"/>), state, handlers, webhook sender.</summary>
    public static IServiceCollection AddProviderSimulator(
        this IServiceCollection services, IConfiguration configuration, Action<SimulatorOptions>? configure = null)
    {
        var options = services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(OptionsSection));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.Latency >= TimeSpan.Zero && o.CosmicVideoLatency >= TimeSpan.Zero
                && o.PixazoQueuedFor >= TimeSpan.Zero && o.PixazoProcessingFor >= TimeSpan.Zero
                && o.StreamChunkDelay >= TimeSpan.Zero && o.WebhookRetryDelay >= TimeSpan.Zero,
                "Simulator delays must not be negative.")
            .Validate(o => o.WebhookTimeout > TimeSpan.Zero, "Simulator:WebhookTimeout must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RequestLedger>();
        services.AddSingleton<FaultRegistry>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<ProviderAuth>();
        services.AddSingleton<ProviderPipeline>();
        services.AddSingleton<CosmicMediaFactory>();
        services.AddSingleton<CosmicTextHandler>();
        services.AddSingleton<CosmicImageHandler>();
        services.AddSingleton<CosmicVideoHandler>();
        services.AddSingleton<CosmicAudioHandler>();
        services.AddSingleton<PixazoJobStore>();
        services.AddSingleton<PixazoSubmitHandler>();
        services.AddSingleton<PixazoStatusHandler>();
        services.AddSingleton<PixazoWebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<PixazoWebhookDispatcher>());
        services.AddSingleton<CometImagesHandler>();
        // Each delivery sets its own timeout from the options; the client's must not cut it short.
        services.AddHttpClient(PixazoWebhookDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJsonContext.Default);
        });
        return services;
    }
}
