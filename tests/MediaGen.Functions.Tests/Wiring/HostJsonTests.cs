using System.Globalization;

namespace MediaGen.Functions.Tests.Wiring;

/// <summary>
/// host.json uses only option names the served host extensions read (checked against their option types), with values
/// chosen for Durable Functions (docs/durable.md); tests/MediaGen.StandInHost.Tests runs the extension's own validation.
/// </summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Extensions = HostJson().GetProperty("extensions");

    public static TheoryData<string, string, string> Sections => new()
    {
        { "durableTask", "Microsoft.Azure.WebJobs.Extensions.DurableTask", "DurableTaskOptions" },
        { "durableTask.storageProvider", "Microsoft.Azure.WebJobs.Extensions.DurableTask", "AzureStorageOptions" },
        { "queues", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues", "QueuesOptions" },
        { "blobs", "Microsoft.Azure.WebJobs.Extensions.Storage.Blobs", "BlobsOptions" },
        { "http", "Microsoft.Azure.WebJobs.Extensions.Http", "HttpOptions" },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Section_EveryKey_IsAnOptionOfTheServedExtension(string section, string package, string optionsType)
    {
        var options = HostExtensionOptions.PropertiesOf(package, optionsType);
        var element = section.Split('.').Aggregate(Extensions, (e, name) => e.GetProperty(name));

        foreach (var key in element.EnumerateObject().Select(p => p.Name))
        {
            // storageProvider.type picks the backend: the extension reads it from the section's dictionary, not a property.
            var known = options.Contains(key) || (section == "durableTask.storageProvider" && key == "type")
                || (section == "durableTask" && key == "storageProvider");
            Assert.True(known, $"{section}.{key} is not an option of {package} {HostExtensionOptions.VersionOf(package)} {optionsType}");
        }
    }

    [Fact]
    public void DurableTask_Settings_AreChosenForDurableFunctions()
    {
        var durable = Extensions.GetProperty("durableTask");
        var storage = durable.GetProperty("storageProvider");

        Assert.Equal("%DurableTaskHubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal("MediaGenFunctions", SampleSetting("DurableTaskHubName"));
        Assert.Equal("AzureStorage", storage.GetProperty("type").GetString());
        Assert.Equal(4, storage.GetProperty("partitionCount").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(1), Time(storage, "maxQueuePollingInterval"));
        // The extension refuses a control-queue visibility outside 1-60 minutes (the stand-in host's tests run its check).
        Assert.Equal(TimeSpan.FromMinutes(2), Time(storage, "controlQueueVisibilityTimeout"));
        Assert.Equal(TimeSpan.FromSeconds(30), Time(storage, "workItemQueueVisibilityTimeout"));
        Assert.False(durable.GetProperty("extendedSessionsEnabled").GetBoolean());
    }

    [Fact]
    public void DurableTask_BufferedControlMessages_AreProcessedWellWithinTheirVisibilityTimeout()
    {
        // docs/durable.md: a message buffered past its visibility timeout can stall its instance (the DTFx session leak).
        var durable = Extensions.GetProperty("durableTask");
        var storage = durable.GetProperty("storageProvider");
        var mostBuffered = storage.GetProperty("controlQueueBufferThreshold").GetInt32()
            + (storage.GetProperty("partitionCount").GetInt32() * storage.GetProperty("controlQueueBatchSize").GetInt32());
        var rounds = (int)Math.Ceiling(mostBuffered / (double)durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32());
        var slowestEpisode = TimeSpan.FromSeconds(5); // an overloaded Azurite on a 2-core machine

        Assert.True(
            slowestEpisode * rounds <= Time(storage, "controlQueueVisibilityTimeout") / 2,
            $"{mostBuffered} buffered messages take {rounds} rounds of episodes: more than half the visibility timeout");
    }

    [Fact]
    public void FunctionTimeout_OutlastsTheLongestCosmicVideoCallWithItsRetries()
    {
        var timeout = TimeSpan.Parse(HostJson().GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);
        var attempts = 1 + int.Parse(SampleSetting("ProviderResilience__MaxRetryAttempts"), CultureInfo.InvariantCulture);
        var longestCall = TimeSpan.Parse(SampleSetting("Cosmic__VideoTimeout"), CultureInfo.InvariantCulture) * attempts
            + TimeSpan.Parse(SampleSetting("ProviderResilience__MaxDelay"), CultureInfo.InvariantCulture) * (attempts - 1);

        Assert.True(timeout >= TimeSpan.FromMinutes(10));
        Assert.True(timeout >= longestCall, $"functionTimeout {timeout} < a video activity's worst case {longestCall}");
    }

    private static TimeSpan Time(JsonElement element, string property) =>
        TimeSpan.Parse(element.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private static string SampleSetting(string name)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").GetProperty(name).GetString()!;
    }

    private static JsonElement HostJson()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("host.json")));
        return document.RootElement.Clone();
    }
}
