namespace MediaGen.Core.Tests.Providers.Simulator;

/// <summary>The real clients, over real sockets and the real resilience wiring, pointed at the simulator.</summary>
internal static class SimulatorClients
{
    public static HttpClient Http(int maxRetries = 3) =>
        ProviderHttpClients.Create(
            new SocketsHttpHandler(),
            TimeProvider.System,
            new ProviderResilienceOptions { MaxRetryAttempts = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) });

    public static CosmicClient Cosmic(SimulatorFixture simulator, TimeSpan? timeout = null) =>
        new(Http(), new CosmicClientOptions
        {
            BaseUrl = simulator.BaseAddress,
            BucketSlug = SimulatorFixture.BucketSlug,
            WriteKey = SimulatorFixture.ApiKey,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            VideoTimeout = timeout ?? TimeSpan.FromSeconds(30),
        });

    public static PixazoClient Pixazo(SimulatorFixture simulator) =>
        new(Http(), new PixazoClientOptions { BaseUrl = simulator.BaseAddress, SubscriptionKey = SimulatorFixture.ApiKey, Timeout = TimeSpan.FromSeconds(30) });

    public static CometClient Comet(SimulatorFixture simulator) =>
        new(Http(), new CometClientOptions { BaseUrl = simulator.BaseAddress, ApiKey = SimulatorFixture.ApiKey, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>A prompt no other test uses, so the simulator's per-prompt attempt counters start at zero.</summary>
    public static string Prompt(string text) => $"{text} #{Guid.NewGuid():N}";

    /// <summary>The first bytes of a media URL the simulator serves.</summary>
    public static async Task<byte[]> HeadOfAsync(string url, int count = 8)
    {
        using var http = new HttpClient();
        await using var stream = await http.GetStreamAsync(new Uri(url));
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
