using MediaGen.Engine.Tests.Workflows;

namespace MediaGen.Engine.Tests;

/// <summary>Starting and stopping the worker, and a client-only process beside a worker.</summary>
[Collection(EngineCollection.Name)]
public sealed class DurableEngineWorkerLifecycleTests(EngineFixture engine)
{
    private static readonly TimeSpan Timeout = Waits.HangGuard;

    [Fact]
    public async Task StopAsync_StorageGoneFirst_ShutdownTimeoutEndsTheStopWithoutThrowing()
    {
        // DTFx keeps retrying to release its partition lease while storage is gone; the host's shutdown token ends that.
        using var timeout = new CancellationTokenSource(Timeout);
        var azurite = await AzuriteInstance.StartAsync(inMemory: true, timeout.Token);
        using var host = EngineTestHost.Build(
            EngineTestHost.TestSettings(azurite.ConnectionString, EngineTestHost.NewHubName("Gone")),
            services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3)));
        await host.StartAsync(timeout.Token);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        await client.WaitForInstanceCompletionAsync(id, timeout.Token);

        await azurite.DisposeAsync();
        // The shutdown timeout (3 s) must end DTFx's retries; without it the stop never returns. A hang guard, not a
        // timing assertion: a loaded machine may take longer than 3 s, never a minute.
        await host.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task StopAsync_GracefulStopOff_WaitsForTheRunningActivityAndANewHostFinishesTheInstance()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var settings = EngineTestHost.TestSettings(engine.Azurite.ConnectionString, EngineTestHost.NewHubName("Quick"));
        settings["DurableTask:GracefulStop"] = "false";
        var work = new SlowWork(Guid.NewGuid().ToString("N"), TimeSpan.FromSeconds(2));
        string id;
        ScopeTracker tracker;
        using (var first = EngineTestHost.Build(settings))
        {
            await first.StartAsync(timeout.Token);
            tracker = first.Services.GetRequiredService<ScopeTracker>();
            var client = first.Services.GetRequiredService<DurableTaskClient>();
            id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(SlowOrchestrator), work, timeout.Token);
            await Waits.UntilAsync(() => Task.FromResult(tracker.Runs.ContainsKey(work.Key)), "the slow activity to start");
            var running = System.Diagnostics.Stopwatch.StartNew();

            await first.StopAsync(timeout.Token);

            // The stop skips DTFx's wait for idle fetches but not the activity already running (a lower bound, not a window).
            Assert.True(running.Elapsed >= work.Duration - TimeSpan.FromMilliseconds(100), $"the stop returned {running.Elapsed} after the activity started");
        }

        // Its partitions were released: another host on the hub takes them and finishes the instance.
        using var second = EngineTestHost.Build(EngineTestHost.TestSettings(engine.Azurite.ConnectionString, settings["DurableTask:HubName"]!));
        await second.StartAsync(timeout.Token);
        var state = await second.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.True(state.ReadOutputAs<int>() >= 1);
        await second.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task ClientOnly_SchedulesInstances_AWorkerInAnotherHostRunsThem()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var settings = EngineTestHost.TestSettings(engine.Azurite.ConnectionString, EngineTestHost.NewHubName("Split"));
        using var clientHost = BuildClientOnly(settings);
        await clientHost.StartAsync(timeout.Token);
        var client = clientHost.Services.GetRequiredService<DurableTaskClient>();

        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 2, timeout.Token);
        using var shortWait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForInstanceStartAsync(id, shortWait.Token));

        using var workerHost = EngineTestHost.Build(settings);
        await workerHost.StartAsync(timeout.Token);
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        await workerHost.StopAsync(timeout.Token);
        await clientHost.StopAsync(timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(8, done.ReadOutputAs<int>());
        Assert.Empty(clientHost.Services.GetServices<IHostedService>().OfType<DurableEngineWorker>());
    }

    private static IHost BuildClientOnly(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<Microsoft.DurableTask.DataConverter>(Microsoft.DurableTask.Converters.JsonDataConverter.Default);
        builder.Services.AddDurableEngineClient(builder.Configuration);
        return builder.Build();
    }
}
