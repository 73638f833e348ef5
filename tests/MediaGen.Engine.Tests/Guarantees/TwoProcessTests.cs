using MediaGen.Engine.TestWorker.Workflows;
using Microsoft.DurableTask;
using Xunit.Abstractions;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>Two host processes on one task hub share the work, and every instance completes exactly once.</summary>
public sealed class TwoProcessTests(InMemoryAzurite azurite, ITestOutputHelper output) : IClassFixture<InMemoryAzurite>
{
    private const int Instances = 200;

    [Fact]
    public async Task TwoHostProcesses_TwoHundredInstances_EachCompletesOnceWithOneResultAndBothHostsWork()
    {
        // A hang guard under the run's 8 min blame timeout; the wait below fails sooner when instances stop finishing.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(7));
        await using var hub = await TaskHubUnderTest.CreateAsync(azurite.ConnectionString, "two");
        // The engine's default 2-minute control-queue visibility, not the test workers' 20 s (kept short for the crash tests,
        // which wait it out after each kill): nobody is killed here, and on a machine loaded by two whole test suites at
        // once (the soak, load average 50-70) messages waited in a worker's buffer past 20 s and were dequeued again, and
        // the stale pop receipts failed those instances' episodes over and over (14 of 200 unfinished after 7 minutes;
        // docs/durable.md, Storage outages, describes the same path).
        var settings = new Dictionary<string, string?> { ["DurableTask:ControlQueueVisibilityTimeout"] = "00:02:00" };
        var first = hub.Worker("host-a", settings);
        var second = hub.Worker("host-b", settings);
        first.Start();
        second.Start();
        await first.WaitUntilReadyAsync(timeout.Token);
        await second.WaitUntilReadyAsync(timeout.Token);

        var ids = Enumerable.Range(0, Instances).Select(i => $"two-{i:D3}").ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = timeout.Token };
        await Parallel.ForEachAsync(ids, parallel, async (id, cancellation) =>
            await hub.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ShareOrchestrator), 0, new StartOrchestrationOptions(id), cancellation));

        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} scheduled {Instances}");
        var finished = await hub.WaitForFinishedAsync("two-", Instances, timeout.Token);
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(ids, parallel, async (id, cancellation) =>
        {
            var done = finished[id];
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() == 0)
            {
                problems.Add($"{id}: {done.RuntimeStatus} {done.SerializedOutput} {done.FailureDetails}");
            }

            foreach (var problem in HistoryAssert.Problems(await hub.HistoryAsync(id, cancellation), id))
            {
                problems.Add(problem);
            }
        });
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} all completed");
        Assert.True(problems.IsEmpty, string.Join("\n", problems) + "\n" + hub.WorkerOutput);

        // Activities are at least once: one whose episode the backend retried (say, after a storage timeout on a busy
        // machine) can run twice, and its second result is dropped. Every instance's step ran.
        var executions = hub.Executions();
        Assert.True(executions.Select(e => e.Key).ToHashSet().SetEquals(ids), "every instance's step ran");
        output.WriteLine($"{executions.Count} executions for {Instances} steps");
        var byProcess = executions.GroupBy(e => e.ProcessId).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"steps per process: {string.Join(", ", byProcess.Select(p => $"{p.Key}: {p.Value}"))}");
        // Both hosts ran steps (and no other process did).
        Assert.Equal(new[] { first.ProcessIds.Single(), second.ProcessIds.Single() }.Order(), byProcess.Keys.Order());
    }
}
