using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage.InMemory;
using MediaGen.Durable.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaGen.Durable.Tests.Hosting;

/// <summary>Settings that cannot work stop the host at start-up, naming the setting.</summary>
public sealed class DurableRuntimeOptionsTests
{
    [Fact]
    public async Task StartAsync_InvalidSettings_FailsNamingEachSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DurableTestHost.StartAsync(
            new InMemoryDurableStorage(), TimeProvider.System, o =>
            {
                o.Backend = DurableBackend.InMemory;
                o.HubName = "Bad_Hub";
                o.PartitionCount = 0;
                o.LeaseDuration = TimeSpan.FromSeconds(5);
            }));

        Assert.Contains("Durable:HubName", error.Message, StringComparison.Ordinal);
        Assert.Contains("Durable:PartitionCount", error.Message, StringComparison.Ordinal);
        Assert.Contains("Durable:LeaseDuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AsDocumented_AreValid()
    {
        var options = new DurableRuntimeOptions();

        Assert.True(new DurableRuntimeOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("Durable", DurableRuntimeOptions.SectionName);
        Assert.Equal("mediagen", options.HubName);
        Assert.Equal(4, options.PartitionCount);
        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromDays(6), options.MaxTimerDelay);
    }
}
