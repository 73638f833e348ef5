using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// The Azure Storage backend's activity-session leak after a storage outage (docs/durable.md, <see cref="ActivityOutageGate"/>),
/// provoked on purpose: an activity's storage call fails while Azurite is stopped, so the activity runs again in place;
/// its message's renewals fail too, so it is visible again once Azurite is back (on the same data). Were this process to
/// dequeue it then, the backend would refuse it as "processed multiple times concurrently", the held work item's pop
/// receipt would be stale, completing it would fail and the message would be refused for good. The engine takes no
/// activity message while one rides out the outage, so the work item completes and its message is deleted. The activity's
/// run after the outage waits until the activity dispatcher has asked for work twice since storage came back, so the
/// dispatcher gets its chance at the message first (without the gate it takes it: the test then fails).
/// </summary>
public sealed class ActivityOutageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task ActivityRunningAgainInPlace_MessageVisibleAgainWhenStorageReturns_CompletesAndMessageDeleted()
    {
        using var timeout = new CancellationTokenSource(Waits.HangGuard);
        // On disk: the outage stops Azurite and starts it again on the same data and ports.
        await using var azurite = await AzuriteInstance.StartAsync(cancellationToken: timeout.Token);
        var hubName = EngineTestHost.NewHubName("Outage");
        // The work-item visibility timeout is 10 s (TestSettings): the outage below outlasts it.
        var settings = EngineTestHost.TestSettings(azurite.ConnectionString, hubName);
        var logs = new LogLines();
        var probe = new StorageProbeGate(azurite.ConnectionString);
        using var host = EngineTestHost.Build(settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            // The dispatcher's "Fetching next work item" lines (Debug) reach the test's log lines.
            services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(LogLines).FullName, "DurableTask.Core", LogLevel.Debug, null)));
            services.AddSingleton(probe);
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await host.StartAsync(timeout.Token);
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var id = "outage-" + Guid.NewGuid().ToString("N");
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(StorageProbeOrchestrator), "probe", new StartOrchestrationOptions(id), timeout.Token);
            await probe.Entered.WaitAsync(timeout.Token);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the activity started");

            Assert.True(await azurite.StopAsync(timeout.Token), "Azurite did not stop cleanly:\n" + azurite.Log);
            probe.Go();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: Azurite stopped, the activity makes its storage call");
            // Runs 1–4 failed unavailable and were tried again after 1 + 2 + 4 + 8 s: by the fifth failure the message's
            // 10 s visibility has passed without a renewal, so it is visible again once storage is back.
            await Waits.UntilAsync(() => Task.FromResult(logs.Any("could not reach storage (run 5)")), "the activity's fifth storage failure");
            probe.Pause();
            await azurite.RestartAsync(timeout.Token);
            var fetchesBefore = ActivityFetches(logs);
            await Waits.UntilAsync(() => Task.FromResult(ActivityFetches(logs) >= fetchesBefore + 2), "two activity fetches after the outage");
            probe.Resume();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: Azurite restarted; the activity dispatcher asked for work twice since");

            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(probe.Runs, done.ReadOutputAs<int>());
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the instance completed");

            // The work item was completed with its own receipt, so its message is gone; a leaked one would come back every
            // 10 s and be refused each time.
            var workItems = new QueueClient(azurite.ConnectionString, hubName.ToLowerInvariant() + "-workitems");
            await Waits.UntilAsync(
                async () => (await workItems.GetPropertiesAsync(timeout.Token)).Value.ApproximateMessagesCount == 0,
                "the activity's message to be deleted",
                TimeSpan.FromSeconds(60));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: message deleted");
            Assert.False(logs.Any("is being processed multiple times concurrently"), string.Join('\n', logs.Lines.Where(l => l.Contains("AssertFailure", StringComparison.Ordinal))));
        }
        finally
        {
            // The host's log (without the dispatchers' fetch lines), shown when the test fails.
            foreach (var line in logs.Lines.Where(l => !l.Contains("Fetching next work item", StringComparison.Ordinal)))
            {
                output.WriteLine(line.Length > 400 ? line[..400] : line);
            }

            await host.StopAsync(CancellationToken.None);
        }
    }

    private static int ActivityFetches(LogLines logs) =>
        logs.Lines.Count(line => line.Contains("TaskActivityDispatcher", StringComparison.Ordinal) && line.Contains("Fetching next work item", StringComparison.Ordinal));
}
