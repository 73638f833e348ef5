using Azure.Storage.Queues.Models;
using DurableTask.Core;
using MediaGen.Engine.Tests.Workflows;
using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// The DTFx session leak (docs/durable.md), provoked on purpose: a buffered control-queue message outlives its visibility
/// timeout and is dequeued again elsewhere, so the copy in the buffer carries a stale pop receipt; the backend then finds
/// it out of order, fails to abandon it (PopReceiptMismatch) and keeps the instance's session locked. The engine releases
/// the session, so the instance still completes in the same process.
/// </summary>
public sealed class SessionLeakTests(InMemoryAzurite azurite) : IClassFixture<InMemoryAzurite>
{
    [Fact]
    public async Task BufferedMessage_OutlivesVisibilityTimeoutAndAbandonFails_SessionReleasedAndInstanceCompletes()
    {
        using var timeout = new CancellationTokenSource(Waits.HangGuard);
        var hubName = EngineTestHost.NewHubName("Leak");
        var settings = EngineTestHost.TestSettings(azurite.ConnectionString, hubName);
        // Fetching pauses while two control messages are buffered (the held episode's and the one below), so the only
        // other consumer of the message once its visibility timeout (10 s) passes is this test.
        settings["DurableTask:ControlQueueBufferThreshold"] = "2";
        var logs = new LogLines();
        using var host = EngineTestHost.Build(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        await host.StartAsync(timeout.Token);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var backend = host.Services.GetRequiredService<AzureStorageOrchestrationService>();
        var controlQueue = new QueueClient(azurite.ConnectionString, $"{hubName.ToLowerInvariant()}-control-00");
        var id = "leak-" + Guid.NewGuid().ToString("N");
        QueueMessage? secondCopy = null;
        try
        {
            using (var gate = EpisodeGate.Shut(id))
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(GatedOrchestrator), new StartOrchestrationOptions(id), timeout.Token);
                await gate.Entered.WaitAsync(timeout.Token);

                // The result of a task the instance never scheduled: out of order whenever the backend looks at it. While
                // the first episode is held, the backend buffers it in the instance's session.
                var instance = (await backend.GetOrchestrationStateAsync(id, allExecutions: false)).Single().OrchestrationInstance;
                await backend.SendTaskOrchestrationMessageAsync(new TaskMessage
                {
                    OrchestrationInstance = instance,
                    Event = new TaskCompletedEvent(-1, 1000, "\"stale\""),
                });
                await UntilAsync(async () => (await controlQueue.PeekMessagesAsync(32, timeout.Token)).Value.Length == 0, timeout.Token);

                // Past its visibility timeout the message is visible again and another consumer takes it: the buffered
                // copy's pop receipt is stale from now on.
                await UntilAsync(async () =>
                {
                    secondCopy = (await controlQueue.ReceiveMessageAsync(TimeSpan.FromMinutes(5), timeout.Token)).Value;
                    return secondCopy is not null;
                }, timeout.Token);
                gate.Open();
            }

            // The episode ends; the buffered copy comes up in a new session, out of order, and its abandon fails.
            await UntilAsync(() => Task.FromResult(logs.Any("[OrchestrationProcessingFailure]", id, "PopReceiptMismatch")), timeout.Token);
            await UntilAsync(() => Task.FromResult(logs.Any("Released the orchestration session of instance " + id)), timeout.Token);

            // Without the release, this event would join the leaked session and never run.
            await client.RaiseEventAsync(id, GatedOrchestrator.GoEvent, "went", timeout.Token);
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal("went", done.ReadOutputAs<string>());
        }
        finally
        {
            if (secondCopy is not null)
            {
                await controlQueue.DeleteMessageAsync(secondCopy.MessageId, secondCopy.PopReceipt, CancellationToken.None);
            }

            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellation)
    {
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }
}
