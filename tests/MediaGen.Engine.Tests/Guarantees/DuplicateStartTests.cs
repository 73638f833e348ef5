using DurableTask.Core;
using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// A sub-orchestration start that its parent sent again (docs/durable.md, <see cref="DuplicateStartFilter"/>), sent on
/// purpose: a parent episode that runs again after its save failed sends the child's <c>ExecutionStarted</c> again with a
/// new execution id, and the backend would run it as the child's first episode over the child's history. The engine drops
/// it: the child keeps its execution and completes once, and the parent gets its output.
/// </summary>
public sealed class DuplicateStartTests(InMemoryAzurite azurite) : IClassFixture<InMemoryAzurite>
{
    [Fact]
    public async Task SubOrchestrationStartedAgainWithNewExecutionId_RepeatDropped_ChildKeepsItsExecution()
    {
        using var timeout = new CancellationTokenSource(Waits.HangGuard);
        var hubName = EngineTestHost.NewHubName("Twice");
        var logs = new LogLines();
        using var host = EngineTestHost.Build(EngineTestHost.TestSettings(azurite.ConnectionString, hubName), services => services.AddSingleton<ILoggerProvider>(logs));
        await host.StartAsync(timeout.Token);
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var backend = host.Services.GetRequiredService<AzureStorageOrchestrationService>();
            var parentId = "parent-" + Guid.NewGuid().ToString("N");
            var childId = parentId + ".child";
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(GatedParentOrchestrator), childId, new StartOrchestrationOptions(parentId), timeout.Token);

            // The child has run its first episode (it waits for Go now) under its execution id.
            var child = await Waits.ForAsync(
                async () => (await backend.GetOrchestrationStateAsync(childId, allExecutions: false)).FirstOrDefault() is { OrchestrationStatus: OrchestrationStatus.Running } state ? state : null,
                "the child to run");
            var parent = (await backend.GetOrchestrationStateAsync(parentId, allExecutions: false)).Single();

            // The start again, as a parent episode that ran twice sends it: same child, same parent and task, new execution id.
            var again = new OrchestrationInstance { InstanceId = childId, ExecutionId = Guid.NewGuid().ToString("N") };
            await backend.SendTaskOrchestrationMessageAsync(new TaskMessage
            {
                OrchestrationInstance = again,
                Event = new ExecutionStartedEvent(-1, "null")
                {
                    Name = nameof(GatedOrchestrator),
                    Version = string.Empty,
                    OrchestrationInstance = again,
                    ParentInstance = new ParentInstance
                    {
                        Name = nameof(GatedParentOrchestrator),
                        Version = string.Empty,
                        OrchestrationInstance = parent.OrchestrationInstance,
                        TaskScheduleId = 0,
                    },
                },
            });
            var controlQueue = new QueueClient(azurite.ConnectionString, $"{hubName.ToLowerInvariant()}-control-00");
            await Waits.UntilAsync(async () => (await controlQueue.GetPropertiesAsync(timeout.Token)).Value.ApproximateMessagesCount == 0, "the repeated start to be taken");

            var after = (await backend.GetOrchestrationStateAsync(childId, allExecutions: false)).Single();
            Assert.Equal(child.OrchestrationInstance.ExecutionId, after.OrchestrationInstance.ExecutionId);
            Assert.True(logs.Any("Dropped a repeated start of sub-orchestration " + childId), "the engine did not drop the repeated start");

            await client.RaiseEventAsync(childId, GatedOrchestrator.GoEvent, "went", timeout.Token);
            var done = await client.WaitForInstanceCompletionAsync(parentId, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal("went", done.ReadOutputAs<string>());
            Assert.Equal(child.OrchestrationInstance.ExecutionId, (await backend.GetOrchestrationStateAsync(childId, allExecutions: false)).Single().OrchestrationInstance.ExecutionId);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task RepeatedStartBatchedWithRaisedEvent_StartDroppedEventSentAgain_ChildGetsTheEvent()
    {
        using var timeout = new CancellationTokenSource(Waits.HangGuard);
        var hubName = EngineTestHost.NewHubName("TwiceEvt");
        var settings = EngineTestHost.TestSettings(azurite.ConnectionString, hubName);
        var parentId = "parent-" + Guid.NewGuid().ToString("N");
        var childId = parentId + ".child";
        OrchestrationState child, parent;
        using (var first = EngineTestHost.Build(settings))
        {
            await first.StartAsync(timeout.Token);
            var backend = first.Services.GetRequiredService<AzureStorageOrchestrationService>();
            await first.Services.GetRequiredService<DurableTaskClient>()
                .ScheduleNewOrchestrationInstanceAsync(nameof(GatedParentOrchestrator), childId, new StartOrchestrationOptions(parentId), timeout.Token);
            child = await Waits.ForAsync(
                async () => (await backend.GetOrchestrationStateAsync(childId, allExecutions: false)).FirstOrDefault() is { OrchestrationStatus: OrchestrationStatus.Running } state ? state : null,
                "the child to run");
            parent = (await backend.GetOrchestrationStateAsync(parentId, allExecutions: false)).Single();
            await first.StopAsync(timeout.Token);
        }

        // While no worker runs, the repeated start and an event raised without an execution id (as a webhook's is) wait in
        // the control queue, so the next worker takes them in one batch: the backend puts the event with the start.
        var sender = new AzureStorageOrchestrationService(AzureStorageSettingsFactory.Create(
            new DurableEngineOptions { HubName = hubName, PartitionCount = 1 }, azurite.ConnectionString, NullLoggerFactory.Instance));
        var again = new OrchestrationInstance { InstanceId = childId, ExecutionId = Guid.NewGuid().ToString("N") };
        await sender.SendTaskOrchestrationMessageBatchAsync(
            new TaskMessage
            {
                OrchestrationInstance = again,
                Event = new ExecutionStartedEvent(-1, "null")
                {
                    Name = nameof(GatedOrchestrator),
                    Version = string.Empty,
                    OrchestrationInstance = again,
                    ParentInstance = new ParentInstance
                    {
                        Name = nameof(GatedParentOrchestrator),
                        Version = string.Empty,
                        OrchestrationInstance = parent.OrchestrationInstance,
                        TaskScheduleId = 0,
                    },
                },
            },
            new TaskMessage
            {
                OrchestrationInstance = new OrchestrationInstance { InstanceId = childId },
                Event = new EventRaisedEvent(-1, "\"went\"") { Name = GatedOrchestrator.GoEvent },
            });

        var logs = new LogLines();
        using var second = EngineTestHost.Build(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        await second.StartAsync(timeout.Token);
        try
        {
            var done = await second.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(parentId, getInputsAndOutputs: true, timeout.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal("went", done.ReadOutputAs<string>());
            // The child finished its own execution: the repeat did not start it over under the new execution id.
            var backend = second.Services.GetRequiredService<AzureStorageOrchestrationService>();
            Assert.Equal(child.OrchestrationInstance.ExecutionId, (await backend.GetOrchestrationStateAsync(childId, allExecutions: false)).Single().OrchestrationInstance.ExecutionId);
            Assert.True(logs.Any("Dropped a repeated start of sub-orchestration " + childId), "the engine did not drop the repeated start");
            Assert.True(logs.Any("Sent event " + GatedOrchestrator.GoEvent + " to instance " + childId + " again"), "the event was not sent again");
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
        }
    }
}
