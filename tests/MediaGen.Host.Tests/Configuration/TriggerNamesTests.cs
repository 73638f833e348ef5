using MediaGen.Api;
using MediaGen.Host.Extensions;
using Microsoft.Extensions.Configuration;

namespace MediaGen.Host.Tests.Configuration;

/// <summary>
/// The queue and inbox names as the standalone host binds them (its real registrations): the flat settings the
/// Functions triggers read, the older sectioned names while they agree, and the poison queue fixed to
/// <c>&lt;queue&gt;-poison</c> as the Functions host's.
/// </summary>
public sealed class TriggerNamesTests
{
    [Fact]
    public void TriggerNames_NoSettings_AreTheDocumentedDefaults()
    {
        var names = Bind([]);

        Assert.Equal(("mediagen-requests", "mediagen-requests-poison", "inbox"), (names.RequestQueueName, names.RequestPoisonQueueName, names.BlobInboxContainerName));
    }

    [Fact]
    public void TriggerNames_FlatSettings_NameTheQueueItsPoisonQueueAndTheInbox()
    {
        var names = Bind(new() { ["RequestQueueName"] = "orders", ["BlobInboxContainerName"] = "drops" });

        Assert.Equal(("orders", "orders-poison", "drops"), (names.RequestQueueName, names.RequestPoisonQueueName, names.BlobInboxContainerName));
    }

    [Fact]
    public void TriggerNames_OnlyTheOlderSectionedNames_AreStillHonoured()
    {
        var names = Bind(new() { ["RequestQueue:QueueName"] = "legacy-orders", ["BlobInbox:ContainerName"] = "legacy-drops" });

        Assert.Equal(("legacy-orders", "legacy-orders-poison", "legacy-drops"), (names.RequestQueueName, names.RequestPoisonQueueName, names.BlobInboxContainerName));
    }

    [Fact]
    public void TriggerNames_SectionedAndFlatAgree_AreAccepted()
    {
        var names = Bind(new() { ["RequestQueueName"] = "orders", ["RequestQueue:QueueName"] = "orders", ["RequestQueue:PoisonQueueName"] = "orders-poison" });

        Assert.Equal("orders", names.RequestQueueName);
    }

    [Theory]
    [InlineData("RequestQueue:QueueName", "RequestQueueName", "RequestQueue__QueueName ('a-queue') and RequestQueueName ('b-queue') disagree")]
    [InlineData("BlobInbox:ContainerName", "BlobInboxContainerName", "BlobInbox__ContainerName ('a-queue') and BlobInboxContainerName ('b-queue') disagree")]
    public void TriggerNames_SectionedAndFlatDisagree_StopStartUpNamingBoth(string sectioned, string flat, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { [sectioned] = "a-queue", [flat] = "b-queue" }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TriggerNames_PoisonQueueOtherThanQueuePoison_StopsStartUpAsRetired()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["RequestQueueName"] = "orders", ["RequestQueue:PoisonQueueName"] = "dead-letters" }));

        Assert.Contains("RequestQueue__PoisonQueueName ('dead-letters') is no longer read", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'orders-poison'", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders-poison")]
    [InlineData("a-queue-name-of-fifty-seven-characters-which-is-too-long1")]
    [InlineData("Orders")]
    public void TriggerNames_QueueWithoutAValidPoisonQueue_StopsStartUp(string queue)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["RequestQueueName"] = queue }));

        Assert.Contains("RequestQueueName must be a valid queue name of at most 56 characters not ending in -poison", failure.Message, StringComparison.Ordinal);
    }

    private static TriggerNames Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddMediaGenSharedApi(configuration).AddMediaGenListeners(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TriggerNames>>().Value;
    }
}
