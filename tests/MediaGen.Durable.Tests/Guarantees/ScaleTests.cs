using MediaGen.Durable.Client;
using MediaGen.Durable.Storage.Azure;
using MediaGen.Durable.Tests.Support;
using MediaGen.Durable.Tests.Workflows;
using MediaGen.Testing;

namespace MediaGen.Durable.Tests.Guarantees;

/// <summary>Large fan-outs complete, and long-running work keeps its history bounded.</summary>
public sealed class ScaleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FanOut_FiveHundredActivitiesWithWhenAll_Completes()
    {
        var hub = "fan" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await DurableTestHost.StartAsync(new AzureDurableStorage(azurite.ConnectionString), TimeProvider.System, GuaranteeHosts.Options(hub));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), 500);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 500).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        HistoryAssert.NoDuplicates((await host.Client.GetHistoryAsync(id))!, id);
    }

    [Fact]
    public async Task BatchProcessing_ThreeHundredItemsChunkedWithContinueAsNew_HistoryStaysBounded()
    {
        var hub = "chunk" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await DurableTestHost.StartAsync(
            new AzureDurableStorage(azurite.ConnectionString), TimeProvider.System, GuaranteeHosts.Options(hub), b => b.AddOrchestrator<ChunkedSum>());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChunkedSum), new ChunkState(0, 300, 0));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(Enumerable.Range(0, 300).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        var history = (await host.Client.GetHistoryAsync(id))!;
        Assert.True(history.Count <= 4 * ChunkedSum.ChunkSize + 10, $"history of the last chunk only, got {history.Count} events");
    }
}
