using Azure.Identity;
using Azure.Storage.Queues;
using MediaGen.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace MediaGen.Core.Tests.Storage;

/// <summary>
/// <c>AzureWebJobsStorage</c> in both forms the Functions host accepts: a connection string, or an identity-based
/// connection (account name or service URIs, with the managed identity or DefaultAzureCredential). No network: the
/// clients are only built and inspected.
/// </summary>
public sealed class StorageAccountTests
{
    [Fact]
    public void From_ConnectionString_IsNotIdentityBased()
    {
        var account = StorageAccount.From(Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.False(account.IsIdentityBased);
        Assert.True(account.CreateBlobServiceClient().CanGenerateAccountSasUri);
    }

    [Fact]
    public void From_AccountNameWithManagedIdentity_UsesThePublicEndpointsAndTheManagedIdentity()
    {
        var account = StorageAccount.From(Configuration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "mediagenabc",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        }));

        Assert.True(account.IsIdentityBased);
        Assert.Equal(new Uri("https://mediagenabc.blob.core.windows.net"), account.BlobServiceUri);
        Assert.Equal(new Uri("https://mediagenabc.queue.core.windows.net"), account.QueueServiceUri);
        Assert.Equal(new Uri("https://mediagenabc.table.core.windows.net"), account.TableServiceUri);
        Assert.IsType<ManagedIdentityCredential>(account.Credential);
        var blobs = account.CreateBlobServiceClient();
        Assert.Equal("mediagenabc", blobs.AccountName);
        Assert.False(blobs.CanGenerateAccountSasUri, "no account key: SAS must be user-delegation SAS");
    }

    [Fact]
    public void From_ServiceUrisWithoutCredential_UsesThoseEndpointsAndDefaultAzureCredential()
    {
        var account = StorageAccount.From(Configuration(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.chinacloudapi.cn",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.chinacloudapi.cn",
        }));

        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn"), account.CreateQueueServiceClient().Uri);
        Assert.Null(account.TableServiceUri);
        Assert.IsType<DefaultAzureCredential>(account.Credential);
    }

    [Theory]
    [InlineData(null, null, "is not set")]
    [InlineData("https://acct.blob.core.windows.net", null, "AzureWebJobsStorage__queueServiceUri")]
    [InlineData(null, "https://acct.queue.core.windows.net", "AzureWebJobsStorage__blobServiceUri")]
    public void Problem_MissingOrIncomplete_NamesWhatToSet(string? blob, string? queue, string expected)
    {
        var problem = StorageAccount.Problem(Configuration(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = blob,
            ["AzureWebJobsStorage:queueServiceUri"] = queue,
        }));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMediaGenStorage_IdentityBased_RegistersClientsOnTheAccountsEndpoints()
    {
        using var provider = Services(new() { ["AzureWebJobsStorage:accountName"] = "mediagenabc", ["AzureWebJobsStorage:credential"] = "managedidentity" });

        Assert.Equal(new Uri("https://mediagenabc.blob.core.windows.net"), provider.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal(new Uri("https://mediagenabc.queue.core.windows.net"), provider.GetRequiredService<QueueServiceClient>().Uri);
    }

    [Fact]
    public void AddMediaGenStorage_NeitherForm_FailsValidationNamingAzureWebJobsStorage()
    {
        using var provider = Services([]);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageConnectionOptions>>().Value);

        Assert.Contains("AzureWebJobsStorage (the storage connection) is not set", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddMediaGenStorage(Configuration(settings)).BuildServiceProvider();
}
