using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// The engine's check of a sub-orchestration's first start (<see cref="DuplicateStartFilter"/>) reads the instance after the
/// backend handed out its session. When that read fails (storage unavailable, as in an outage), the work item goes back to
/// the backend before the failure is reported: DurableTask.Core releases only work items it received, and a session left
/// locked would swallow every later message of the instance (the storage-outage drive's stuck children). On the real
/// backend over Azurite, with the read failing once: the lock call fails, and the next one hands out the same start.
/// </summary>
public sealed class GiveBackTests(InMemoryAzurite azurite) : IClassFixture<InMemoryAzurite>
{
    [Fact]
    public async Task ChildStartCheckFails_WorkItemGivenBack_NextLockHandsOutTheStartAgain()
    {
        using var hangGuard = new CancellationTokenSource(Waits.HangGuard);
        var options = new DurableEngineOptions { HubName = EngineTestHost.NewHubName("GiveBack"), PartitionCount = 1 };
        var backend = new AzureStorageOrchestrationService(AzureStorageSettingsFactory.Create(options, azurite.ConnectionString, NullLoggerFactory.Instance));
        await backend.CreateIfNotExistsAsync();
        await backend.StartAsync();
        try
        {
            var childId = "child-" + Guid.NewGuid().ToString("N");
            var reads = new StateReadsFailingOnce(backend, childId);
            var guarded = new GuardedOrchestrationService(backend, reads, new ActivityOutageGate(), NullLogger<GuardedOrchestrationService>.Instance);
            var child = new OrchestrationInstance { InstanceId = childId, ExecutionId = Guid.NewGuid().ToString("N") };
            await backend.SendTaskOrchestrationMessageAsync(new TaskMessage
            {
                OrchestrationInstance = child,
                Event = new ExecutionStartedEvent(-1, "null")
                {
                    Name = "Child",
                    Version = string.Empty,
                    OrchestrationInstance = child,
                    ParentInstance = new ParentInstance
                    {
                        Name = "Parent",
                        Version = string.Empty,
                        OrchestrationInstance = new OrchestrationInstance { InstanceId = "parent-" + childId, ExecutionId = "e1" },
                        TaskScheduleId = 0,
                    },
                },
            });

            await Assert.ThrowsAsync<InvalidOperationException>(() => guarded.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(30), hangGuard.Token));

            // Left locked, the session would keep the start from ever being handed out again: the call would wait out the
            // hang guard and return nothing.
            var again = await guarded.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(30), hangGuard.Token);
            Assert.NotNull(again);
            Assert.Equal(childId, again.InstanceId);
            Assert.Equal(child.ExecutionId, Assert.IsType<ExecutionStartedEvent>(Assert.Single(again.NewMessages).Event).OrchestrationInstance.ExecutionId);
            Assert.Equal(2, reads.Reads);
            await guarded.ReleaseTaskOrchestrationWorkItemAsync(again);
        }
        finally
        {
            await backend.StopAsync(isForced: true);
            await backend.DeleteAsync();
        }
    }

    /// <summary>The backend's client, whose first read of one instance's state fails as storage would.</summary>
    private sealed class StateReadsFailingOnce(AzureStorageOrchestrationService backend, string instanceId) : IOrchestrationServiceClient
    {
        private int _reads;

        public int Reads => _reads;

        public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId1, bool allExecutions) =>
            instanceId1 == instanceId && Interlocked.Increment(ref _reads) == 1
                ? throw new InvalidOperationException("storage is unavailable (simulated)")
                : backend.GetOrchestrationStateAsync(instanceId1, allExecutions);

        public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId1, string executionId) => backend.GetOrchestrationStateAsync(instanceId1, executionId);

        public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => backend.CreateTaskOrchestrationAsync(creationMessage);

        public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
            backend.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

        public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => backend.SendTaskOrchestrationMessageAsync(message);

        public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => backend.SendTaskOrchestrationMessageBatchAsync(messages);

        public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId1, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
            backend.WaitForOrchestrationAsync(instanceId1, executionId, timeout, cancellationToken)!;

        public Task ForceTerminateTaskOrchestrationAsync(string instanceId1, string reason) => backend.ForceTerminateTaskOrchestrationAsync(instanceId1, reason);

        public Task<string> GetOrchestrationHistoryAsync(string instanceId1, string executionId) => backend.GetOrchestrationHistoryAsync(instanceId1, executionId);

        public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
            backend.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
    }
}
