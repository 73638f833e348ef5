using Microsoft.Extensions.Options;

namespace MediaGen.Engine.Tests;

/// <summary>Start-up validation of the engine settings: bad values fail the host, naming the setting.</summary>
public sealed class DurableEngineOptionsValidatorTests
{
    private static readonly string Azurite = AzuriteInstance.ConnectionStringFor(1, 2, 3);

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = Validate(new DurableEngineOptions(), Azurite);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_DevelopmentStorageShortcut_Succeeds()
    {
        Assert.True(Validate(new DurableEngineOptions(), "UseDevelopmentStorage=true").Succeeded);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("my-hub")]
    [InlineData("a234567890123456789012345678901234567890123456")]
    public void Validate_BadHubName_FailsNamingHubName(string hubName)
    {
        var result = Validate(new DurableEngineOptions { HubName = hubName }, Azurite);

        Assert.Contains("DurableTask:HubName", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Validate_PartitionCountOutOfRange_FailsNamingPartitionCount(int partitions)
    {
        var result = Validate(new DurableEngineOptions { PartitionCount = partitions }, Azurite);

        Assert.Contains("DurableTask:PartitionCount must be 1–16", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortVisibilityTimeouts_FailNamingEach()
    {
        var result = Validate(new DurableEngineOptions
        {
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(5),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(1),
            MaxQueuePollingInterval = TimeSpan.Zero,
            MaxConcurrentActivities = 0,
        }, Azurite);

        Assert.Contains("DurableTask:ControlQueueVisibilityTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DurableTask:WorkItemQueueVisibilityTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DurableTask:MaxQueuePollingInterval", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DurableTask:MaxConcurrentActivities", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, 30)]
    [InlineData(61, 300)]
    [InlineData(30, 30)]
    public void Validate_PartitionTableTimeoutOutOfRangeOrNotUnderTheLease_FailsNamingIt(double seconds, int leaseSeconds)
    {
        var result = Validate(new DurableEngineOptions
        {
            PartitionTableTimeout = TimeSpan.FromSeconds(seconds),
            PartitionLeaseInterval = TimeSpan.FromSeconds(leaseSeconds),
        }, Azurite);

        Assert.Contains("DurableTask:PartitionTableTimeout must be 1 s–1 min and shorter than PartitionLeaseInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a connection string")]
    public void Validate_MissingOrInvalidConnectionString_FailsNamingAzureWebJobsStorage(string? connectionString)
    {
        var result = Validate(new DurableEngineOptions(), connectionString);

        Assert.Contains("AzureWebJobsStorage", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointsWithoutTableEndpoint_FailsNamingTableEndpoint()
    {
        var withoutTables = Azurite[..Azurite.IndexOf("TableEndpoint", StringComparison.Ordinal)];

        var result = Validate(new DurableEngineOptions(), withoutTables);

        Assert.Contains("AzureWebJobsStorage", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("TableEndpoint", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteInstance.AccountKey[..9], result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdentityBasedAccountName_Passes()
    {
        var result = Validate(new DurableEngineOptions(), new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:accountName"] = "mediagenabc",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_IdentityBasedServiceUrisWithoutTables_FailsNamingTableServiceUri()
    {
        var result = Validate(new DurableEngineOptions(), new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
        });

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_BadSetting_FailsBeforeTheWorkerStarts()
    {
        var settings = EngineTestHost.TestSettings(Azurite, "ValidHub");
        settings["DurableTask:PartitionCount"] = "32";
        using var host = EngineTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("DurableTask:PartitionCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_NoDataConverter_FailsNamingIt()
    {
        using var host = EngineTestHost.Build(EngineTestHost.TestSettings(Azurite, "ValidHub"), withDataConverter: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Microsoft.DurableTask.DataConverter", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(DurableEngineOptions options, string? connectionString) =>
        Validate(options, new Dictionary<string, string?> { [DurableEngineOptions.ConnectionStringKey] = connectionString });

    private static ValidateOptionsResult Validate(DurableEngineOptions options, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new DurableEngineOptionsValidator(configuration, services: null).Validate(null, options);
    }
}
