using MediaGen.Engine.TestWorker.Workflows;
using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// Messages that can never succeed end their instance Failed with a readable reason instead of coming back forever
/// (the Azure Storage backend only logs a "poison" message and abandons it again with a backoff of up to 10 minutes).
/// </summary>
public sealed class PoisonMessageTests(SharedHostFixture shared) : IClassFixture<SharedHostFixture>
{
    private const int MaxDeliveries = 2;
    private static readonly TimeSpan HangGuard = Waits.HangGuard;

    [Fact]
    public async Task Activity_CrashesItsHostOnEveryDelivery_RunsMaxDeliveryCountTimesThenInstanceFailsWithReason()
    {
        await using var hub = await TaskHubUnderTest.CreateAsync(shared.Azurite.ConnectionString, "poison");
        // A supervisor restarts the host after each crash, under the same worker id, as a service manager would.
        var worker = hub.Worker("poison-host", new Dictionary<string, string?> { ["DurableTask:MaxActivityDeliveryCount"] = $"{MaxDeliveries}" }, restartWhenItDies: true);
        using var timeout = new CancellationTokenSource(HangGuard);
        worker.Start();
        await worker.WaitUntilReadyAsync(timeout.Token);

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HostCrashingOrchestrator), "crasher", timeout.Token);
        var done = await WaitAsync(hub, id, timeout.Token);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Failed, $"{done.RuntimeStatus}\n{hub.WorkerOutput}");
        // The activity ran (and took its host down) exactly MaxDeliveries times; the next delivery was failed unrun.
        Assert.Equal(MaxDeliveries, hub.Executions().Count(e => e.Key == "crasher"));
        Assert.Equal(MaxDeliveries + 1, worker.Starts);
        var cause = Assert.IsType<TaskFailureDetails>(done.FailureDetails?.InnerFailure);
        Assert.Equal(PoisonMessageGuard.ErrorType, cause.ErrorType);
        Assert.Contains($"'{nameof(HostCrashingActivity)}' was not run again", cause.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains($"delivered {MaxDeliveries} times", cause.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_NotRegistered_InstanceFailsWithReason()
    {
        var done = await RunAsync(nameof(UnknownActivityOrchestrator), 1);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        var cause = Assert.IsType<TaskFailureDetails>(done.FailureDetails?.InnerFailure);
        Assert.Equal(PoisonMessageGuard.ErrorType, cause.ErrorType);
        Assert.Equal($"No activity named '{nameof(UnregisteredActivity)}' is registered with this worker.", cause.ErrorMessage);
    }

    [Fact]
    public async Task Orchestrator_NotRegistered_InstanceFailsWithReason()
    {
        var done = await RunAsync("RetiredOrchestrator", 1);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(PoisonMessageGuard.ErrorType, done.FailureDetails?.ErrorType);
        Assert.Equal("No orchestrator named 'RetiredOrchestrator' is registered with this worker.", done.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public async Task OrchestratorInput_CannotBeDeserialized_InstanceFailsWithReason()
    {
        // A string where an Order object is expected (say, a job started by an older client).
        var done = await RunAsync(nameof(OrderOrchestrator), "three boxes");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("System.Text.Json.JsonException", done.FailureDetails?.ErrorType);
        Assert.Contains(nameof(Order), done.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    private async Task<OrchestrationMetadata> RunAsync(string orchestrator, object input)
    {
        using var timeout = new CancellationTokenSource(HangGuard);
        var id = await shared.Hub.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, timeout.Token);
        return await WaitAsync(shared.Hub, id, timeout.Token);
    }

    private static async Task<OrchestrationMetadata> WaitAsync(TaskHubUnderTest hub, string id, CancellationToken cancellation)
    {
        try
        {
            return await hub.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellation);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException(
                $"{id} did not finish in {HangGuard}; executions: {string.Join(", ", hub.Executions())}\n{hub.WorkerOutput}", e);
        }
    }
}
