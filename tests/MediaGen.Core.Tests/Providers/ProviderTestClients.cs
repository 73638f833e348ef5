namespace MediaGen.Core.Tests.Providers;

/// <summary>Clients over a <see cref="FakeHttpHandler"/>, behind the real resilience wiring.</summary>
internal static class ProviderTestClients
{
    public const string CosmicKey = "cosmic-write-key-SECRET";
    public const string PixazoKey = "pixazo-subscription-key-SECRET";
    public const string CometKey = "comet-api-key-SECRET";

    public static HttpClient Http(FakeHttpHandler fake, TimeProvider time, int maxRetries = 3, TimeSpan? maxRetryAfter = null)
    {
        var options = new ProviderResilienceOptions { MaxRetryAttempts = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromSeconds(60) };
        return ProviderHttpClients.Create(fake, time, options);
    }

    public static CosmicClient Cosmic(FakeHttpHandler fake, FastTimeProvider? time = null, int maxRetries = 3, Action<CosmicClientOptions>? configure = null)
    {
        time ??= new FastTimeProvider();
        var options = new CosmicClientOptions { BucketSlug = "my-bucket", WriteKey = CosmicKey, Timeout = TimeSpan.FromHours(1), VideoTimeout = TimeSpan.FromHours(1) };
        configure?.Invoke(options);
        return new CosmicClient(Http(fake, time, maxRetries), options, time);
    }

    public static PixazoClient Pixazo(FakeHttpHandler fake, FastTimeProvider? time = null, int maxRetries = 3, Action<PixazoClientOptions>? configure = null)
    {
        time ??= new FastTimeProvider();
        var options = new PixazoClientOptions { SubscriptionKey = PixazoKey, Timeout = TimeSpan.FromHours(1) };
        configure?.Invoke(options);
        return new PixazoClient(Http(fake, time, maxRetries), options, time);
    }

    public static CometClient Comet(FakeHttpHandler fake, FastTimeProvider? time = null, int maxRetries = 3, Func<int, Stream>? openSpool = null)
    {
        time ??= new FastTimeProvider();
        var options = new CometClientOptions { ApiKey = CometKey, Timeout = TimeSpan.FromHours(1) };
        return openSpool is null
            ? new CometClient(Http(fake, time, maxRetries), options, time)
            : new CometClient(Http(fake, time, maxRetries), options, time, openSpool);
    }
}
