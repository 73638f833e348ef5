using System.Diagnostics;
using MediaGen.Engine.TestWorker.Workflows;
using Microsoft.DurableTask;
using Xunit.Abstractions;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// A host process killed with SIGKILL at random points, again and again, while instances run activities, timers, events
/// and sub-orchestrations: nothing is lost and nothing is recorded twice. How long recovery took after the last restart is
/// reported against what the settings imply, not asserted: a wall-clock window fails on a loaded machine (scripts/crash-drive.sh
/// times the same kind of drive on the standalone host).
/// </summary>
public sealed class CrashRecoveryTests(InMemoryAzurite azurite, ITestOutputHelper output) : IClassFixture<InMemoryAzurite>
{
    private const int Instances = 30;
    private const int Kills = 5;
    private const int Bump = 1000;

    /// <summary>
    /// After the last restart, every instance should complete within this (reported, not asserted). The restarted process (same worker id) takes its
    /// partitions back at once, so what it waits for is the messages the killed process had dequeued: they reappear after
    /// the visibility timeouts (test worker: 20 s control queue, 10 s work-item queue; the larger one counts). Added to that,
    /// 15 s: the process's start-up and the steps left after it (at most a 1 s timer, an activity, a sub-orchestration with
    /// its activity, a last activity), on a busy machine.
    /// </summary>
    private static readonly TimeSpan RecoveryBound =
        Max(Setting("DurableTask:ControlQueueVisibilityTimeout"), Setting("DurableTask:WorkItemQueueVisibilityTimeout")) + TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Host_KilledRepeatedlyAtRandomPoints_EveryInstanceCompletesOnce()
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var hub = await TaskHubUnderTest.CreateAsync(azurite.ConnectionString, "crash");
        var client = hub.Client;
        // Restarted under the same worker id, as a supervisor restarts a host in the same slot.
        var worker = hub.Worker("crash-host");
        var random = new Random(20261201);
        var ids = Enumerable.Range(0, Instances).Select(i => $"crash-{i:D2}").ToList();

        worker.Start();
        await worker.WaitUntilReadyAsync(hangGuard.Token);
        for (var i = 0; i < Instances; i++)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(CrashOrchestrator), i, new StartOrchestrationOptions(ids[i]), hangGuard.Token);
        }

        // The backend discards an event for an instance whose start it has not processed yet ("No such instance") when the
        // start message is not in the same batch, as it is not while a killed host holds it: events are raised to started
        // instances only (see the webhook tests for events that precede the wait).
        await WaitUntilStartedAsync(client, ids, hangGuard.Token);
        var unfinishedAtKill = new List<int>();
        var lastRestart = Stopwatch.StartNew();
        for (var kill = 0; kill < Kills; kill++)
        {
            // The scenario: a kill at a random point of the work, not a wait for something observable.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 1500)), hangGuard.Token);
            unfinishedAtKill.Add(await CountUnfinishedAsync(client, hangGuard.Token));
            worker.Kill();
            if (kill is 1 or 3)
            {
                // The webhooks of half the instances arrive while no host runs at all; they wait in the queue.
                foreach (var id in ids.Where((_, i) => i % 2 == (kill == 1 ? 0 : 1)))
                {
                    await client.RaiseEventAsync(id, CrashOrchestrator.BumpEvent, Bump, hangGuard.Token);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1000)), hangGuard.Token);
            worker.Start();
            lastRestart.Restart();
            await worker.WaitUntilReadyAsync(hangGuard.Token);
        }

        var finished = await WaitAsync(hub, ids, hangGuard.Token);
        for (var i = 0; i < Instances; i++)
        {
            var done = finished[ids[i]];
            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{ids[i]}: {done.RuntimeStatus} {done.FailureDetails}\n{hub.WorkerOutput}");
            Assert.Equal(CrashOrchestrator.ExpectedOutput(i, Bump), done.ReadOutputAs<int>());
        }

        var recovery = lastRestart.Elapsed;
        output.WriteLine($"unfinished at each kill: {string.Join(", ", unfinishedAtKill)}; all completed {recovery.TotalSeconds:F1} s after the last restart (bound {RecoveryBound.TotalSeconds} s)");
        var problems = new List<string>();
        foreach (var id in ids)
        {
            var history = await hub.HistoryAsync(id, hangGuard.Token);
            problems.AddRange(HistoryAssert.Problems(history, id));
            if (HistoryAssert.RaisedCount(history, CrashOrchestrator.BumpEvent) != 1)
            {
                problems.Add($"{id}: event raised {HistoryAssert.RaisedCount(history, CrashOrchestrator.BumpEvent)} times: {HistoryAssert.Describe(history)}");
            }

            problems.AddRange(HistoryAssert.Problems(await hub.HistoryAsync(CrashOrchestrator.ChildId(id), hangGuard.Token), CrashOrchestrator.ChildId(id)));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        Assert.True(unfinishedAtKill.All(n => n > 0), $"every kill must hit instances in flight; unfinished at each kill: {string.Join(", ", unfinishedAtKill)}");
    }

    private static async Task WaitUntilStartedAsync(DurableTaskClient client, IEnumerable<string> ids, CancellationToken cancellation)
    {
        foreach (var id in ids)
        {
            await Waits.UntilAsync(
                async token => (await client.GetInstanceAsync(id, token))?.RuntimeStatus is not (null or OrchestrationRuntimeStatus.Pending), $"{id} to start", cancellationToken: cancellation);
        }
    }

    private static TimeSpan Setting(string key) => TimeSpan.Parse(TaskHubUnderTest.Setting(key), System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task<int> CountUnfinishedAsync(DurableTaskClient client, CancellationToken cancellation)
    {
        var unfinished = 0;
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = "crash-",
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellation))
        {
            unfinished += instance.InstanceId.EndsWith("-child", StringComparison.Ordinal) ? 0 : 1;
        }

        return unfinished;
    }

    private static async Task<IReadOnlyDictionary<string, OrchestrationMetadata>> WaitAsync(TaskHubUnderTest hub, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        try
        {
            // Children share the prefix: wait for parents and children.
            return await hub.WaitForFinishedAsync("crash-", 2 * ids.Count, cancellation);
        }
        catch (OperationCanceledException e)
        {
            var states = new List<string>();
            foreach (var id in ids.SelectMany(i => new[] { i, CrashOrchestrator.ChildId(i) }))
            {
                var metadata = await hub.Client.GetInstanceAsync(id, CancellationToken.None);
                if (metadata?.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                {
                    states.Add($"{id}: {metadata?.RuntimeStatus.ToString() ?? "unknown"} {HistoryAssert.Describe(await hub.HistoryAsync(id, CancellationToken.None))}");
                }
            }

            throw new TimeoutException($"unfinished instances:\n{string.Join("\n", states)}\n{hub.WorkerOutput}", e);
        }
    }
}
