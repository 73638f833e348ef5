using MediaGen.Durable.Client;
using MediaGen.Durable.Storage.Azure;
using MediaGen.Durable.Tests.Support;
using MediaGen.Durable.Tests.Workflows;
using MediaGen.Durable.TestWorker;
using MediaGen.Testing;

namespace MediaGen.Durable.Tests.Guarantees;

/// <summary>Every queue message delivered twice and batches reordered: histories still hold each event once.</summary>
public sealed class DuplicateDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Workflows_EveryMessageDuplicatedAndReordered_CompleteWithoutDuplicatedHistoryEvents()
    {
        var hub = "dup" + Guid.NewGuid().ToString("N")[..8];
        var storage = new ChaosStorage(new AzureDurableStorage(azurite.ConnectionString));
        await using var host = await DurableTestHost.StartAsync(storage, TimeProvider.System, GuaranteeHosts.Options(hub, o => o.MaxConcurrentActivities = 2), TestWorkflows.Register);
        var client = host.Client;

        var crashIds = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            crashIds.Add(await client.ScheduleNewOrchestrationInstanceAsync(nameof(CrashWorkflow), i, new StartOrchestrationOptions($"dup-{i}")));
            await client.RaiseEventAsync(crashIds[^1], TestWorkflows.BumpEvent, 7);
        }

        var events = await client.ScheduleNewOrchestrationInstanceAsync(nameof(EventsOrchestrator));
        await client.RaiseEventAsync(events, "go", "now");
        foreach (var item in new[] { 1, 2, 3 })
        {
            await client.RaiseEventAsync(events, "item", item);
        }

        var fanOut = await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), 40);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        for (var i = 0; i < crashIds.Count; i++)
        {
            var done = await client.WaitForInstanceCompletionAsync(crashIds[i], true, timeout.Token);
            Assert.Equal(TestWorkflows.ExpectedCrashOutput(i, 7), done.ReadOutputAs<int>());
            HistoryAssert.NoDuplicates((await client.GetHistoryAsync(crashIds[i]))!, crashIds[i]);
            HistoryAssert.NoDuplicates((await client.GetHistoryAsync(crashIds[i] + "-child"))!, crashIds[i] + "-child");
        }

        var eventsDone = await client.WaitForInstanceCompletionAsync(events, true, timeout.Token);
        var fanOutDone = await client.WaitForInstanceCompletionAsync(fanOut, true, timeout.Token);
        Assert.Equal(3, eventsDone.ReadOutputAs<int[]>()!.Length);
        Assert.Equal(Enumerable.Range(1, 40).Sum(i => (long)i * i), fanOutDone.ReadOutputAs<long>());
        HistoryAssert.NoDuplicates((await client.GetHistoryAsync(events))!, events);
        HistoryAssert.NoDuplicates((await client.GetHistoryAsync(fanOut))!, fanOut);
        Assert.True(storage.DuplicatesSent > 50, $"the chaos storage duplicated only {storage.DuplicatesSent} messages");
    }
}
