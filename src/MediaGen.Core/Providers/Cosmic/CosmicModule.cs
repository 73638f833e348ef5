namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic AI: text (also streamed), image, video, video extension and audio, all synchronous; costs in Cosmic tokens.</summary>
public sealed class CosmicModule() : ProviderModule(
    ProviderName.Cosmic,
    CostUnits.Tokens,
    [new CosmicTextKind(), new CosmicImageKind(), new CosmicVideoKind(), new CosmicVideoExtensionKind(), new CosmicAudioKind()])
{
    /// <summary>Cosmic's documented signal for a refused video prompt.</summary>
    public override bool IsContentPolicyRefusal(string? code, string? message) =>
        ProviderErrorMapper.Mentions(message, "No videos generated") || ProviderErrorMapper.Mentions(code, "No videos generated");

    /// <inheritdoc />
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ProviderServiceCollectionExtensions.AddProvider<CosmicClient, CosmicClientOptions, CosmicClientOptionsValidator>(
            services, configuration, CosmicClientOptions.SectionName, CosmicClientOptions.WriteKeySetting, o => o.WriteKey, (http, options, time) => new CosmicClient(http, options, time));

        // Resolvable for callers that validate outside a job (the text stream).
        services.TryAddSingleton<IRequestValidator<CosmicTextRequest>, CosmicTextRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicImageRequest>, CosmicImageRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicVideoRequest>, CosmicVideoRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicVideoExtensionRequest>, CosmicVideoExtensionRequestValidator>();
        services.TryAddSingleton<IRequestValidator<CosmicAudioRequest>, CosmicAudioRequestValidator>();
    }
}
