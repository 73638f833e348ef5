using Microsoft.Extensions.Configuration;

namespace MediaGen.Core.Tests.Providers;

public sealed class ProviderServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMediaGenProviders_ValidSettings_ResolvesClientsValidatorsAndBoundOptions()
    {
        using var provider = Build(new()
        {
            ["Cosmic:BucketSlug"] = "my-bucket",
            ["Cosmic:WriteKey"] = "k",
            ["Cosmic:VideoTimeout"] = "00:05:00",
            ["Pixazo:BaseUrl"] = "http://127.0.0.1:7000",
            ["ProviderResilience:MaxRetryAttempts"] = "5",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<CosmicClient>());
        Assert.NotNull(provider.GetRequiredService<PixazoClient>());
        Assert.NotNull(provider.GetRequiredService<CometClient>());
        Assert.IsType<PixazoImageToVideoRequestValidator>(provider.GetRequiredService<IRequestValidator<PixazoImageToVideoRequest>>());
        Assert.Equal(TimeSpan.FromMinutes(5), provider.GetRequiredService<IOptions<CosmicClientOptions>>().Value.VideoTimeout);
        Assert.Equal(new Uri("http://127.0.0.1:7000"), provider.GetRequiredService<IOptions<PixazoClientOptions>>().Value.BaseUrl);
        Assert.Equal(5, provider.GetRequiredService<IOptions<ProviderResilienceOptions>>().Value.MaxRetryAttempts);
    }

    [Theory]
    [InlineData("Cosmic:BaseUrl", "/relative", "Cosmic:BaseUrl must be an absolute http(s) URL")]
    [InlineData("Pixazo:BaseUrl", "ftp://gateway.pixazo.ai", "Pixazo:BaseUrl must be an absolute http(s) URL")]
    [InlineData("Comet:Timeout", "00:00:00", "Comet:Timeout must be a positive time span")]
    [InlineData("Cosmic:VideoTimeout", "-00:00:01", "Cosmic:VideoTimeout must be a positive time span")]
    [InlineData("Cosmic:BucketSlug", "My Bucket!", "Cosmic:BucketSlug must be a bucket slug")]
    [InlineData("ProviderResilience:MaxRetryAttempts", "11", "ProviderResilience:MaxRetryAttempts must be 0–10")]
    public void StartupValidation_BadSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddMediaGenProviders_NoKeys_StartsAndFailsEachCallClearly()
    {
        using var provider = Build([]);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var cosmic = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<CosmicClient>().GenerateTextAsync(new CosmicTextRequest("p")));
        var pixazo = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<PixazoClient>().GetStatusAsync("r1"));
        var comet = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<CometClient>().CreateImagesAsync(new CometImageRequest("p")));

        Assert.All([cosmic, pixazo, comet], e => Assert.Equal(ProviderErrorType.NotConfigured, e.ErrorType));
    }

    [Fact]
    public async Task AddMediaGenProviders_KeysAreUnresolvedKeyVaultReferences_StartsAndFailsEachCallNamingTheKeyWithoutSending()
    {
        var fake = new FakeHttpHandler();
        var services = Services(new()
        {
            ["Cosmic:BucketSlug"] = "bucket",
            ["Cosmic:WriteKey"] = "@Microsoft.KeyVault(VaultName=kv;SecretName=cosmic-write-key)",
            ["Pixazo:SubscriptionKey"] = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/pixazo-subscription-key/)",
            ["Comet:ApiKey"] = " @microsoft.keyvault(VaultName=kv;SecretName=comet-api-key)",
        });
        foreach (var client in (string[])[nameof(CosmicClient), nameof(PixazoClient), nameof(CometClient)])
        {
            services.AddHttpClient(client).ConfigurePrimaryHttpMessageHandler(() => fake);
        }

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var cosmic = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<CosmicClient>().GenerateTextAsync(new CosmicTextRequest("p")));
        var pixazo = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<PixazoClient>().GetStatusAsync("r1"));
        var comet = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<CometClient>().CreateImagesAsync(new CometImageRequest("p")));

        Assert.All([cosmic, pixazo, comet], e => Assert.Equal(ProviderErrorType.NotConfigured, e.ErrorType));
        Assert.Contains("Cosmic__WriteKey holds a Key Vault reference that has not resolved", cosmic.Message, StringComparison.Ordinal);
        Assert.Contains("Pixazo__SubscriptionKey", pixazo.Message, StringComparison.Ordinal);
        Assert.Contains("Comet__ApiKey", comet.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task AddMediaGenProviders_TypedClient_RetriesThroughTheSharedResilienceHandler()
    {
        var fake = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.RetryAfter = new(TimeSpan.Zero))
            .ThenJson("""{"created":1,"data":[{"url":"https://x/y.png"}]}""");
        var services = Services(new() { ["Comet:ApiKey"] = "k" });
        services.AddHttpClient(nameof(CometClient)).ConfigurePrimaryHttpMessageHandler(() => fake);
        using var provider = services.BuildServiceProvider();

        await using var result = await provider.GetRequiredService<CometClient>().CreateImagesAsync(new CometImageRequest("p"));

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal("https://x/y.png", result.Data[0].Url);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Services(settings).BuildServiceProvider();

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMediaGenProviders(configuration);
        return services;
    }
}
