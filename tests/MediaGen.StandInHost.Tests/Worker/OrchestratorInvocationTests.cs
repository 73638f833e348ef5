using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask.Protobuf;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// The orchestrator contract the Durable extension's out-of-process mode relies on, through the worker side: a base64
/// <c>OrchestratorRequest</c> in as the trigger's string, a base64 <c>OrchestratorResponse</c> back as the return value.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class OrchestratorInvocationTests(WorkerFixture fixture)
{
    [Fact]
    public async Task InvokeAsync_OrchestratorWithBase64Request_ReturnsTheOrchestratorsBase64Response()
    {
        var instanceId = "orchestration-" + Guid.NewGuid().ToString("N");
        var now = Timestamp.FromDateTime(DateTime.UtcNow);
        var request = new OrchestratorRequest { InstanceId = instanceId };
        request.NewEvents.Add(new HistoryEvent { EventId = -1, Timestamp = now, OrchestratorStarted = new OrchestratorStartedEvent() });
        // No input: the orchestrator's own guard (ArgumentNullException for its input) decides the outcome, in the worker.
        request.NewEvents.Add(new HistoryEvent
        {
            EventId = -1,
            Timestamp = now,
            ExecutionStarted = new ExecutionStartedEvent
            {
                Name = "SyncGenerationOrchestrator",
                OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") },
            },
        });
        var invocation = new FunctionInvocation(
            "SyncGenerationOrchestrator",
            Guid.NewGuid().ToString(),
            [new NamedValue("context", new BindingValue.Text(request.ToByteString().ToBase64()))],
            new Dictionary<string, BindingValue>());

        var outcome = await fixture.Supervisor.InvokeAsync(invocation, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Failure);
        var returned = Assert.IsType<BindingValue.Text>(outcome.ReturnValue);
        var response = OrchestratorResponse.Parser.ParseFrom(ByteString.FromBase64(returned.Value));
        Assert.Equal(instanceId, response.InstanceId);
        var completion = Assert.Single(response.Actions).CompleteOrchestration;
        Assert.NotNull(completion);
        Assert.Equal(OrchestrationStatus.Failed, completion.OrchestrationStatus);
        Assert.Contains("ArgumentNullException", completion.FailureDetails.ErrorType, StringComparison.Ordinal);
    }
}
