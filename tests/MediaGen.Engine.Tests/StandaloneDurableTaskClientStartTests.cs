using DurableTask.Core.Exceptions;
using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests;

/// <summary>Starting instances: ids, dedupe and replacement of existing ids as Durable Functions does, scheduled starts.</summary>
[Collection(EngineCollection.Name)]
public sealed class StandaloneDurableTaskClientStartTests(EngineFixture engine)
{
    private static readonly TimeSpan Timeout = Waits.HangGuard;

    private DurableTaskClient Client => engine.Client;

    [Fact]
    public async Task ScheduleNew_WithoutInstanceId_UsesNewGuid()
    {
        using var timeout = new CancellationTokenSource(Timeout);

        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, timeout.Token);

        Assert.Matches("^[0-9a-f]{32}$", id);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);
    }

    [Theory]
    [InlineData("has/slash")]
    [InlineData("@entity")]
    [InlineData("what?")]
    public async Task ScheduleNew_InvalidInstanceId_ThrowsArgumentException(string instanceId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ChainOrchestrator), 1, new StartOrchestrationOptions(instanceId)));
    }

    [Fact]
    public async Task ScheduleNew_ExistingIdInDedupeStatus_ThrowsAndDoesNotRestart()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = NewId("dedupe");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, new StartOrchestrationOptions(id), timeout.Token);
        var first = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        var options = new StartOrchestrationOptions(id).WithDedupeStatuses(OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Running);
        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 100, options, timeout.Token));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        var after = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after!.RuntimeStatus);
        Assert.Equal(1, after.ReadInputAs<int>());
        Assert.Equal(6, after.ReadOutputAs<int>());
        Assert.Equal(first.CreatedAt, after.CreatedAt);
    }

    [Fact]
    public async Task ScheduleNew_RunningIdWithoutDedupeStatuses_ThrowsLikeDurableFunctions()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = NewId("running");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitingOrchestrator), "first", new StartOrchestrationOptions(id), timeout.Token);
        await Client.WaitForInstanceStartAsync(id, timeout.Token);

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(WaitingOrchestrator), "second", new StartOrchestrationOptions(id), timeout.Token));

        Assert.IsType<OrchestrationAlreadyExistsException>(error);
        var after = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Running, after!.RuntimeStatus);
        Assert.Equal("first", after.ReadInputAs<string>());
        await Client.TerminateInstanceAsync(id, timeout.Token);
    }

    [Fact]
    public async Task ScheduleNew_FinishedIdWithoutDedupeStatuses_ReplacesItLikeDurableFunctions()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var id = NewId("replace");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, new StartOrchestrationOptions(id), timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 10, new StartOrchestrationOptions(id), timeout.Token);
        var second = await WaitForOutputAsync(id, 24, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, second.RuntimeStatus);
        Assert.Equal(10, second.ReadInputAs<int>());
    }

    [Fact]
    public async Task ScheduleNew_UnknownDedupeStatus_ThrowsArgumentException()
    {
        var options = new StartOrchestrationOptions(NewId("bad-dedupe")) { DedupeStatuses = ["Finished"] };

        await Assert.ThrowsAsync<ArgumentException>(() => Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1, options));
    }

    [Fact]
    public async Task ScheduleNew_StartAt_StaysPendingUntilThen()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ChainOrchestrator), 1, new StartOrchestrationOptions(NewId("later"), startAt), timeout.Token);

        var pending = await Client.GetInstanceAsync(id, timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        // Queue delays are rounded down to whole seconds, so the start may come up to ~1 s early.
        Assert.True(DateTimeOffset.UtcNow >= startAt.AddSeconds(-1.5));
    }

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N");

    private async Task<OrchestrationMetadata> WaitForOutputAsync(string id, int output, CancellationToken cancellation)
    {
        return await Waits.ForAsync(
            async token => await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, token) is var metadata && metadata.ReadOutputAs<int>() == output ? metadata : null,
            $"{id} to complete with {output}",
            cancellationToken: cancellation);
    }
}
