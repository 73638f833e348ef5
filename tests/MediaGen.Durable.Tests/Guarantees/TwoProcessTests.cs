using MediaGen.Durable.Client;
using MediaGen.Durable.History;
using MediaGen.Durable.Storage.Azure;
using MediaGen.Durable.Tests.Support;
using MediaGen.Durable.TestWorker;
using MediaGen.Testing;

namespace MediaGen.Durable.Tests.Guarantees;

/// <summary>Two worker processes on one task hub share the work, and every instance completes exactly once.</summary>
public sealed class TwoProcessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TwoWorkerProcesses_TwoHundredOrchestrations_EachCompletesExactlyOnceAndBothDoWork()
    {
        var hub = "two" + Guid.NewGuid().ToString("N")[..8];
        var client = GuaranteeHosts.CreateClient(new AzureDurableStorage(azurite.ConnectionString), hub);
        using var first = new TestWorkerProcess(azurite.ConnectionString, hub, "worker-a");
        using var second = new TestWorkerProcess(azurite.ConnectionString, hub, "worker-b");
        first.Start();
        second.Start();
        using (var sharing = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            // Both hold partitions before any work is scheduled: the workers share the hub from the start.
            while (!first.Output.Contains("acquired partition", StringComparison.Ordinal) || !second.Output.Contains("acquired partition", StringComparison.Ordinal))
            {
                await Task.Delay(100, sharing.Token);
            }
        }

        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(nameof(WhoRunsMe), i, new StartOrchestrationOptions($"two-{i:D3}")));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var processes = new HashSet<int>();
        foreach (var id in ids)
        {
            var done = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {done.RuntimeStatus}\n{first.Output}\n{second.Output}");
            processes.UnionWith(done.ReadOutputAs<int[]>()!);
            var history = (await client.GetHistoryAsync(id))!;
            HistoryAssert.NoDuplicates(history, id);
            Assert.Single(history.OfType<ExecutionCompleted>());
        }

        Assert.Equal(2, processes.Count);
    }
}
