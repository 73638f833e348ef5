using Azure.Data.Tables;
using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace MediaGen.Engine.Tests;

/// <summary>The client's semantics (those of the Durable Functions client on the same backend) over Azurite.</summary>
[Collection(EngineCollection.Name)]
public sealed class StandaloneDurableTaskClientTests(EngineFixture engine)
{
    private static readonly TimeSpan Timeout = Waits.HangGuard;

    private DurableTaskClient Client => engine.Client;

    [Fact]
    public void Client_ResolvedFromDI_IsTheStandaloneClient() => Assert.IsType<StandaloneDurableTaskClient>(Client);

    [Fact]
    public async Task GetInstancesAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Client.GetInstanceAsync("unknown-" + Guid.NewGuid().ToString("N"), getInputsAndOutputs: true));
    }

    [Fact]
    public async Task GetInstancesAsync_WithoutInputsAndOutputs_LeavesPayloadsNull()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var metadata = await Client.GetInstanceAsync(id, getInputsAndOutputs: false, timeout.Token);

        Assert.NotNull(metadata);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Null(metadata.SerializedInput);
        Assert.Null(metadata.SerializedOutput);
        Assert.Null(metadata.SerializedCustomStatus);
        Assert.True(metadata.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.True(metadata.LastUpdatedAt >= metadata.CreatedAt);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Client.RaiseEventAsync("unknown-" + Guid.NewGuid().ToString("N"), ApprovalOrchestrator.EventName, new Approval("x", 1)));
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_ThrowsInvalidOperationException()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Client.RaiseEventAsync(id, ApprovalOrchestrator.EventName, new Approval("x", 1), timeout.Token));

        Assert.Contains("Completed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_RunningInstance_EndsTerminatedWithOutput()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitingOrchestrator), timeout.Token);
        await Client.WaitForInstanceStartAsync(id, timeout.Token);

        await Client.TerminateInstanceAsync(id, new Approval("operator", 9), timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(new Approval("operator", 9), done.ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task Terminate_FinishedInstance_ThrowsInvalidOperationException()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.TerminateInstanceAsync(id, timeout.Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.TerminateInstanceAsync(NewId("nobody"), timeout.Token));
    }

    [Fact]
    public async Task SuspendResume_RunningInstance_HoldsEventsUntilResumed()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProgressOrchestrator), timeout.Token);
        await Client.WaitForInstanceStartAsync(id, timeout.Token);

        await Client.SuspendInstanceAsync(id, "maintenance", timeout.Token);
        await WaitForStatusAsync(id, OrchestrationRuntimeStatus.Suspended, timeout.Token);
        await Client.RaiseEventAsync(id, ProgressOrchestrator.EventName, 3, timeout.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.SuspendInstanceAsync(id, "again", timeout.Token));
        await Client.ResumeInstanceAsync(id, "done", timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, done.ReadOutputAs<int>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.ResumeInstanceAsync(id, "late", timeout.Token));
    }

    [Fact]
    public async Task WaitForInstanceCompletion_Cancelled_ThrowsOperationCanceled()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitingOrchestrator), timeout.Token);
        using var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.WaitForInstanceCompletionAsync(id, shortWait.Token));

        await Client.TerminateInstanceAsync(id, timeout.Token);
    }

    [Fact]
    public async Task PurgeInstance_FinishedInstance_RemovesItAndItsHistory()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var purged = await Client.PurgeInstanceAsync(id, timeout.Token);
        var again = await Client.PurgeInstanceAsync(id, timeout.Token);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Equal(0, again.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(id, timeout.Token));
        Assert.Empty(await Client.GetOrchestrationHistoryAsync(id, timeout.Token));
    }

    [Fact]
    public async Task PurgeAllInstances_ByTimeAndStatus_RemovesOnlyMatching()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var terminated = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitingOrchestrator), timeout.Token);
        var completed = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        await Client.WaitForInstanceStartAsync(terminated, timeout.Token);
        await Client.TerminateInstanceAsync(terminated, timeout.Token);
        await Client.WaitForInstanceCompletionAsync(terminated, timeout.Token);
        await Client.WaitForInstanceCompletionAsync(completed, timeout.Token);

        var result = await Client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(from, DateTimeOffset.UtcNow, [OrchestrationRuntimeStatus.Terminated]), timeout.Token);

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(terminated, timeout.Token));
        Assert.NotNull(await Client.GetInstanceAsync(completed, timeout.Token));
    }

    [Fact]
    public async Task GetAllInstances_PrefixStatusAndPageSize_PagesThroughMatchesOnly()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var prefix = NewId("query") + "-";
        var completed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            completed.Add(await Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ChainOrchestrator), i, new StartOrchestrationOptions(prefix + i), timeout.Token));
        }

        var running = await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(WaitingOrchestrator), null, new StartOrchestrationOptions(prefix + "running"), timeout.Token);
        var other = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        foreach (var id in completed.Append(other))
        {
            await Client.WaitForInstanceCompletionAsync(id, timeout.Token);
        }

        await Client.WaitForInstanceStartAsync(running, timeout.Token);

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = [OrchestrationRuntimeStatus.Completed],
            PageSize = 2,
            FetchInputsAndOutputs = true,
        };
        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in Client.GetAllInstancesAsync(query).AsPages().WithCancellation(timeout.Token))
        {
            pages.Add(page);
        }

        var found = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(completed.Order(), found.Select(m => m.InstanceId).Order());
        Assert.All(pages, p => Assert.True(p.Values.Count <= 2));
        Assert.True(pages.Count >= 3);
        Assert.All(found, m => Assert.Equal((int.Parse(m.InstanceId[prefix.Length..]) + 2) * 2, m.ReadOutputAs<int>()));

        var runningOnly = await CollectAsync(
            Client.GetAllInstancesAsync(query with { Statuses = [OrchestrationRuntimeStatus.Running], FetchInputsAndOutputs = false }), timeout.Token);
        var single = Assert.Single(runningOnly);
        Assert.Equal(running, single.InstanceId);
        Assert.Null(single.SerializedInput);

        var resumed = await CollectAsync(Client.GetAllInstancesAsync(query with { ContinuationToken = pages[0].ContinuationToken }), timeout.Token);
        Assert.Equal(3, resumed.Count);
        await Client.TerminateInstanceAsync(running, timeout.Token);
    }

    [Fact]
    public async Task GetOrchestrationHistory_CompletedChain_ListsItsEvents()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var history = await Client.GetOrchestrationHistoryAsync(id, timeout.Token);

        var started = Assert.IsType<ExecutionStartedEvent>(history.First(e => e.EventType == EventType.ExecutionStarted));
        Assert.Equal(nameof(ChainOrchestrator), started.Name);
        Assert.Equal(3, history.OfType<TaskScheduledEvent>().Count());
        Assert.Equal(3, history.OfType<TaskCompletedEvent>().Count());
        var completed = Assert.Single(history.OfType<ExecutionCompletedEvent>());
        Assert.Equal("6", completed.Result);
    }

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetInstances_RowMissingWhatTheStartRecords_ReadsItFromHistory(bool statusLostToo)
    {
        // A host killed after an episode's history was committed and before its instance row was: the row has no name,
        // creation time or input (and, when no later episode merged one, no status) while the execution ran on.
        using var timeout = new CancellationTokenSource(Timeout);
        var prefix = "nameless-" + Guid.NewGuid().ToString("N")[..8];
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 5, new StartOrchestrationOptions(prefix), timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        var hub = engine.Host.Services.GetRequiredService<IOptions<DurableEngineOptions>>().Value.HubName;
        var table = new TableClient(engine.Azurite.ConnectionString, hub + "Instances");
        var row = (await table.GetEntityAsync<TableEntity>(id, string.Empty, cancellationToken: timeout.Token)).Value;
        string[] lost = statusLostToo ? ["Name", "Version", "CreatedTime", "Input", "RuntimeStatus"] : ["Name", "Version", "CreatedTime", "Input"];
        foreach (var property in lost)
        {
            row.Remove(property);
        }

        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, timeout.Token);

        var read = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.NotNull(read);
        Assert.Equal(nameof(ChainOrchestrator), read.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, read.RuntimeStatus);
        Assert.Equal(5, read.ReadInputAs<int>());
        Assert.Equal(done.ReadOutputAs<int>(), read.ReadOutputAs<int>());
        Assert.Equal(done.CreatedAt, read.CreatedAt, TimeSpan.FromSeconds(1));
        var listed = Assert.Single(await CollectAsync(Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: prefix, FetchInputsAndOutputs: true)), timeout.Token));
        Assert.Equal(nameof(ChainOrchestrator), listed.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, listed.RuntimeStatus);
        Assert.Equal(5, listed.ReadInputAs<int>());
    }

    private static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellation)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellation))
        {
            list.Add(item);
        }

        return list;
    }

    private Task WaitForStatusAsync(string id, OrchestrationRuntimeStatus status, CancellationToken cancellation) =>
        Waits.UntilAsync(async token => (await Client.GetInstanceAsync(id, token))?.RuntimeStatus == status, $"{id} to be {status}", cancellationToken: cancellation);
}
