using Azure.Storage.Queues;
using MediaGen.Durable.Client;
using MediaGen.Durable.Hosting;
using MediaGen.Durable.Runtime;
using MediaGen.Durable.Storage.Azure;
using MediaGen.Durable.Tests.Support;
using MediaGen.Durable.Tests.Workflows;
using MediaGen.Testing;

namespace MediaGen.Durable.Tests.Guarantees;

/// <summary>A message that fails every delivery is dead-lettered, and its instance failed with the reason.</summary>
public sealed class PoisonMessageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ControlMessage_FailsEveryDelivery_DeadLetteredAndInstanceFailedWithReason()
    {
        var hub = "poison" + Guid.NewGuid().ToString("N")[..8];
        var storage = new AzureDurableStorage(azurite.ConnectionString);
        var options = new DurableRuntimeOptions();
        GuaranteeHosts.Options(hub, o => o.MaxDequeueCount = 3)(options);
        await using var host = await DurableTestHost.StartAsync(storage, TimeProvider.System, GuaranteeHosts.Options(hub, o => o.MaxDequeueCount = 3));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusOrchestrator));
        while ((await host.Client.GetInstanceAsync(id))?.RuntimeStatus != OrchestrationRuntimeStatus.Running)
        {
            await Task.Delay(50);
        }

        // A message addressed to the instance whose event no runtime can read.
        var partition = new TaskHub(storage, options).PartitionOf(id);
        var control = new QueueClient(azurite.ConnectionString, $"{hub}-control-{partition:D2}");
        await control.SendMessageAsync("""{"message":{"id":"bad-1","instanceId":"ID","event":{"$type":"NoSuchEvent"}}}""".Replace("ID", id, StringComparison.Ordinal));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(PoisonMessages.ErrorType, done.FailureDetails!.ErrorType);
        Assert.Contains("dead-lettered after 3 delivery attempts", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        var deadLetters = await new QueueClient(azurite.ConnectionString, $"{hub}-deadletter").PeekMessagesAsync(10);
        Assert.Contains(deadLetters.Value, m => m.Body.ToString().Contains("bad-1", StringComparison.Ordinal));
    }
}
