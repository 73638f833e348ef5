using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MediaGen.Core.Tests.Media;

/// <summary><c>AddMediaStore</c>: binding from the <c>Media</c> section (as environment variables spell it) and start-up validation.</summary>
public sealed class MediaStoreRegistrationTests
{
    [Fact]
    public void AddMediaStore_FlatSettings_BindsOptionsAndGuard()
    {
        using var provider = Build(new()
        {
            ["Media:MaxBytes"] = "1048576",
            ["Media:AllowedNetworks"] = "127.0.0.1/32,::1",
            ["Media:IdleTimeout"] = "00:00:30",
        });

        var options = provider.GetRequiredService<IOptions<MediaStoreOptions>>().Value;
        Assert.Equal(1_048_576, options.MaxBytes);
        Assert.Equal(["127.0.0.1/32", "::1"], options.AllowedNetworkList());
        Assert.Equal(TimeSpan.FromSeconds(30), options.IdleTimeout);
        Assert.Null(provider.GetRequiredService<OutboundUrlGuard>().Check(new Uri("http://127.0.0.1:5080/media/synthetic/a.mp4")));
        Assert.Same(provider.GetRequiredService<OutboundUrlGuard>(), provider.GetRequiredService<MediaStore>().Guard);
    }

    [Fact]
    public void AddMediaStore_AllowedContainers_OutputsAreTheDefaultAndTheListedOnly()
    {
        using var provider = Build(new() { ["Media:DefaultContainer"] = "results", ["Media:AllowedContainers"] = "media-eu, media-us" });

        var options = provider.GetRequiredService<IOptions<MediaStoreOptions>>().Value;
        Assert.Equal(["results", "media-eu", "media-us"], options.OutputContainers());
        Assert.True(options.IsOutputContainer("media-us"));
        Assert.False(options.IsOutputContainer("media"));
        Assert.False(options.IsOutputContainer("azure-webjobs-hosts"));
    }

    [Theory]
    [InlineData("Media:AllowedContainers", "media,azure-webjobs-secrets", "Media:AllowedContainers entry 'azure-webjobs-secrets' is MediaGen's own container (the Functions host's own)")]
    [InlineData("Media:AllowedContainers", "inbox", "Media:AllowedContainers entry 'inbox' is MediaGen's own container (BlobInboxContainerName)")]
    [InlineData("Media:AllowedContainers", "taskhub-leases", "Media:AllowedContainers entry 'taskhub-leases' is MediaGen's own container (DurableTask:HubName)")]
    [InlineData("Media:DefaultContainer", "inbox", "Media:DefaultContainer 'inbox' is MediaGen's own container (BlobInboxContainerName)")]
    [InlineData("Media:AllowedContainers", "media,Bad_Name", "Media:AllowedContainers entry 'Bad_Name' is not a valid container name")]
    public void AddMediaStore_ReservedOrInvalidOutputContainer_FailsValidationNamingTheKeyAndTheOwner(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value }, services => services
            .ReserveContainers(_ => [("inbox", "BlobInboxContainerName")])
            .ReserveContainers(_ => PlatformContainers.OfTaskHub("TaskHub").Select(c => (c, "DurableTask:HubName"))));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MediaStoreOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfTaskHub_AHubName_NamesTheContainersDurableTaskAzureStorageCreates()
    {
        Assert.Equal(["mediagen-leases", "mediagen-applease", "mediagen-largemessages"], PlatformContainers.OfTaskHub("MediaGen"));
    }

    [Fact]
    public void AddMediaStore_Defaults_RefuseLoopbackAndCapAt2GiB()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<MediaStoreOptions>>().Value;
        Assert.Equal(2L * 1024 * 1024 * 1024, options.MaxBytes);
        Assert.False(options.UseServerSideCopy);
        Assert.NotNull(provider.GetRequiredService<OutboundUrlGuard>().Check(new Uri("http://127.0.0.1:5080/")));
    }

    [Theory]
    [InlineData("Media:AllowedNetworks", "127.0.0.1,localhost", "Media:AllowedNetworks entry 'localhost'")]
    [InlineData("Media:MaxBytes", "0", "Media:MaxBytes must be positive")]
    [InlineData("Media:BlockSize", "1000", "Media:BlockSize must be between")]
    [InlineData("Media:UploadConcurrency", "0", "Media:UploadConcurrency must be between")]
    [InlineData("Media:DefaultContainer", "Bad_Name", "Media:DefaultContainer 'Bad_Name'")]
    [InlineData("Media:DefaultFolder", "a/../b", "Media:DefaultFolder")]
    [InlineData("Media:IdleTimeout", "00:00:00", "Media:IdleTimeout must be positive")]
    public void AddMediaStore_InvalidSetting_FailsValidationNamingTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MediaStoreOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b => b.ClearProviders());
        services.AddMediaStore(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
