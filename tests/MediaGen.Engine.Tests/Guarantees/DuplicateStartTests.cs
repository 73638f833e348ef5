using DurableTask.Core;
using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;

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
}
