using MediaGen.Durable.Client;
using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage.Azure;
using MediaGen.Durable.Tests.Support;
using MediaGen.Testing;

namespace MediaGen.Durable.Tests.Conformance;

/// <summary>The conformance suite on Azure Storage (a private Azurite), each test on its own task hub.</summary>
public sealed class AzureStorageConformanceTests(AzuriteFixture azurite) : DurableConformanceTests, IClassFixture<AzuriteFixture>
{
    private readonly string _hub = "t" + Guid.NewGuid().ToString("N")[..12];

    protected override TimeSpan TimerDelay => TimeSpan.FromSeconds(1);

    protected override DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    private protected override Task<DurableTestHost> StartHostAsync(Action<DurableRuntimeBuilder>? register, Action<DurableRuntimeOptions>? configure) =>
        DurableTestHost.StartAsync(new AzureDurableStorage(azurite.ConnectionString), TimeProvider.System, o =>
        {
            o.HubName = _hub;
            o.PartitionCount = 2;
            o.LeaseDuration = TimeSpan.FromSeconds(15);
            o.LeaseRenewInterval = TimeSpan.FromSeconds(5);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
            o.WorkerId = "conformance-" + _hub;
            configure?.Invoke(o);
        }, register);

    protected override async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, true, timeout.Token);
    }
}
