namespace MediaGen.Core.Tests.Providers;

/// <summary>
/// An <see cref="HttpClient"/> wired as the app wires a provider client (<see cref="ProviderResilience.AddProviderResilience"/>
/// through <see cref="IHttpClientFactory"/>), over the primary handler a test gives.
/// </summary>
internal static class ProviderHttpClients
{
    public static HttpClient Create(HttpMessageHandler primary, TimeProvider time, ProviderResilienceOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(Options.Create(options));
        services.AddHttpClient("provider", http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddProviderResilience()
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("provider");
    }
}
