using MediaGen.Durable.Client;
using MediaGen.Durable.Engine;
using MediaGen.Durable.Tests.Workflows;

namespace MediaGen.Durable.Tests.Conformance;

public abstract partial class DurableConformanceTests
{
    [Fact]
    public async Task TerminateInstance_Running_StatusTerminatedWithReason()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusOrchestrator));
        await WaitUntilAsync(id, i => i.SerializedCustomStatus is not null);

        await Client.TerminateInstanceAsync(id, "enough");
        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("enough", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstance_CompletedAndRunning_DeletesOnlyTheFinishedOne()
    {
        var finished = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "a");
        var running = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusOrchestrator));
        await CompleteAsync(finished);
        await WaitUntilAsync(running, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var purgedFinished = await Client.PurgeInstanceAsync(finished);
        var purgedRunning = await Client.PurgeInstanceAsync(running);

        Assert.Equal(1, purgedFinished.PurgedInstanceCount);
        Assert.Equal(0, purgedRunning.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(finished));
        Assert.NotNull(await Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task PurgeAllInstances_ByStatusAndTime_DeletesOnlyMatchingInstances()
    {
        var from = DateTimeOffset.MinValue;
        var completed = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "b");
        var failed = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(UncaughtOrchestrator), "c");
        await CompleteAsync(completed);
        await CompleteAsync(failed);

        var result = await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, DateTimeOffset.MaxValue, [OrchestrationRuntimeStatus.Completed]));

        Assert.True(result.PurgedInstanceCount >= 1);
        Assert.Null(await Client.GetInstanceAsync(completed));
        Assert.NotNull(await Client.GetInstanceAsync(failed));
    }

    [Fact]
    public async Task GetAllInstances_PageSizeTwo_PagesWithContinuationTokenAndFilters()
    {
        var prefix = "list-" + Guid.NewGuid().ToString("N")[..8] + "-";
        for (var i = 0; i < 5; i++)
        {
            await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "p", new StartOrchestrationOptions(prefix + i));
        }

        for (var i = 0; i < 5; i++)
        {
            await CompleteAsync(prefix + i);
        }

        var pages = 0;
        var seen = new List<string>();
        var query = new OrchestrationQuery(InstanceIdPrefix: prefix, PageSize: 2, Statuses: [OrchestrationRuntimeStatus.Completed]);
        do
        {
            var page = await Client.GetInstancesPageAsync(query);
            seen.AddRange(page.Instances.Select(i => i.InstanceId));
            query = query with { ContinuationToken = page.ContinuationToken };
            pages++;
        }
        while (query.ContinuationToken is not null);

        Assert.True(pages >= 3, $"expected at least 3 pages, got {pages}");
        Assert.Equal(Enumerable.Range(0, 5).Select(i => prefix + i).Order(), seen.Order());
        Assert.Empty(await Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: prefix, Statuses: [OrchestrationRuntimeStatus.Failed])).ToListAsync());
        Assert.Empty(await Client.GetAllInstancesAsync(new OrchestrationQuery(CreatedFrom: DateTimeOffset.MaxValue, InstanceIdPrefix: prefix)).ToListAsync());
    }

    [Fact]
    public async Task Replay_CodeChangedWhileInFlight_FailsWithNonDeterminismError()
    {
        await RestartHostAsync(b => b.AddOrchestrator(typeof(EvolvingV1), "Evolving"));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync("Evolving");
        await WaitUntilAsync(id, i => i.ReadCustomStatusAs<string>() == "waiting");

        await RestartHostAsync(b => b.AddOrchestrator(typeof(EvolvingV2), "Evolving"));
        await Client.RaiseEventAsync(id, "go", "now");
        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("'SayHello'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'Echo'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
