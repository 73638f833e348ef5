using MediaGen.Engine.TestWorker.Workflows;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// A long activity (a slow provider call) outliving the work-item visibility timeout is not run again, though a second
/// host process polls the same work-item queue all along: DTFx keeps renewing the message while its process lives.
/// (The in-process <c>LongActivity_OutlivingWorkItemVisibilityTimeout_RunsOnce</c> test proves it for one process.)
/// </summary>
public sealed class LongActivityTests(InMemoryAzurite azurite) : IClassFixture<InMemoryAzurite>
{
    [Fact]
    public async Task LongActivities_TwoAndAHalfTimesTheVisibilityTimeoutWithSecondHostPolling_EachRunsExactlyOnce()
    {
        using var timeout = new CancellationTokenSource(Waits.HangGuard);
        await using var hub = await TaskHubUnderTest.CreateAsync(azurite.ConnectionString, "long");
        var visibility = TimeSpan.Parse(TaskHubUnderTest.Setting("DurableTask:WorkItemQueueVisibilityTimeout"), System.Globalization.CultureInfo.InvariantCulture);
        var duration = visibility * 2.5;
        var first = hub.Worker("host-a");
        var second = hub.Worker("host-b");
        first.Start();
        second.Start();
        await first.WaitUntilReadyAsync(timeout.Token);
        await second.WaitUntilReadyAsync(timeout.Token);

        // The long activities work 2.5 visibility timeouts at least, and on until the quick instance below has finished:
        // the order the test checks is then an event, whatever the machine's load.
        // (A subfolder of the records folder: its files are the execution records.)
        var release = Path.Combine(Directory.CreateDirectory(Path.Combine(hub.Records, "hold")).FullName, "release");
        var keys = new[] { "long-1", "long-2", "long-3" };
        var ids = new List<string>();
        foreach (var key in keys)
        {
            ids.Add(await hub.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongOrchestrator), new LongWork(key, duration, release), timeout.Token));
        }

        // Once every long activity has outlived the visibility timeout, short work still flows through the same queue.
        await Waits.UntilAsync(_ => Task.FromResult(hub.Executions().Count(e => keys.Contains(e.Key)) >= keys.Length), "every long activity to run", cancellationToken: timeout.Token);

        // The scenario itself, not a wait for something observable: the activities must outlive the visibility timeout.
        await Task.Delay(visibility + TimeSpan.FromSeconds(1), timeout.Token);
        var quick = await hub.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ShareOrchestrator), 0, timeout.Token);
        var quickDone = await hub.Client.WaitForInstanceCompletionAsync(quick, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, quickDone.RuntimeStatus);
        await File.WriteAllTextAsync(release, "done", timeout.Token);

        var outputs = new List<int>();
        foreach (var id in ids)
        {
            var done = await hub.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {done.RuntimeStatus}\n{hub.WorkerOutput}");
            HistoryAssert.CompletedOnceWithoutDuplicates(await hub.HistoryAsync(id, timeout.Token), id);
            outputs.Add(done.ReadOutputAs<int>());
            Assert.True(done.LastUpdatedAt > quickDone.LastUpdatedAt, "the quick instance must finish while the long activities run");
        }

        var executions = hub.Executions();
        foreach (var (key, output) in keys.Zip(outputs))
        {
            // Ran once, by the process that completed it.
            var run = Assert.Single(executions, e => e.Key == key);
            Assert.Equal(run.ProcessId, output);
        }

        Assert.Equal(1, first.Starts);
        Assert.Equal(1, second.Starts);
    }
}
