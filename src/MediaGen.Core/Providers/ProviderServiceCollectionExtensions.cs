namespace MediaGen.Core.Providers;

/// <summary>Registration of the providers (each <see cref="ProviderModule"/>'s services) and what they share.</summary>
public static class ProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers every provider of <see cref="ProviderRegistry"/> (its options bound from its section and checked at
    /// start-up, its typed HTTP client with the <see cref="ProviderResilience"/> handler, its request validators, its key
    /// reported to readiness through <see cref="ISecretSettingSource"/>), then binds and checks <c>ProviderResilience</c>.
    /// </summary>
    public static IServiceCollection AddMediaGenProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        foreach (var module in ProviderRegistry.Modules)
        {
            module.AddServices(services, configuration);
        }

        AddProviderOptions<ProviderResilienceOptions, ProviderResilienceOptionsValidator>(services, configuration, ProviderResilienceOptions.SectionName);
        return services;
    }

    /// <summary>
    /// Registers a provider's plumbing: its <typeparamref name="TOptions"/> bound from <paramref name="section"/> and checked
    /// by <typeparamref name="TOptionsValidator"/> at start-up, its key (read by <paramref name="key"/>) reported to readiness
    /// as <paramref name="keySetting"/>, and <typeparamref name="TClient"/> as a typed HTTP client made by <paramref name="create"/>.
    /// </summary>
    internal static void AddProvider<TClient, TOptions, TOptionsValidator>(
        IServiceCollection services, IConfiguration configuration, string section, string keySetting, Func<TOptions, string?> key,
        Func<HttpClient, TOptions, TimeProvider, TClient> create)
        where TClient : class
        where TOptions : class
        where TOptionsValidator : class, IValidateOptions<TOptions>
    {
        AddProviderOptions<TOptions, TOptionsValidator>(services, configuration, section);
        AddProviderKey(services, keySetting, key);
        AddProviderClient(services, create);
    }

    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/> and checks it with <typeparamref name="TValidator"/> at start-up.</summary>
    internal static void AddProviderOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed HTTP client with the <see cref="ProviderResilience"/> handler,
    /// made by <paramref name="create"/> from its bound options.
    /// </summary>
    internal static void AddProviderClient<TClient, TOptions>(IServiceCollection services, Func<HttpClient, TOptions, TimeProvider, TClient> create)
        where TClient : class
        where TOptions : class
    {
        // Timeouts are per attempt, in the resilience handler; HttpClient's own 100 s default would cut a video call short.
        services.AddHttpClient(typeof(TClient).Name, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient((http, sp) => create(http, sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetRequiredService<TimeProvider>()))
            .AddProviderResilience();
    }

    /// <summary>Reports the key <paramref name="key"/> reads from <typeparamref name="TOptions"/> to readiness, as <paramref name="setting"/>.</summary>
    internal static void AddProviderKey<TOptions>(IServiceCollection services, string setting, Func<TOptions, string?> key)
        where TOptions : class =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretSettingSource, ProviderKeySetting<TOptions>>(
            sp => new ProviderKeySetting<TOptions>(setting, key, sp.GetRequiredService<IOptions<TOptions>>())));
}
