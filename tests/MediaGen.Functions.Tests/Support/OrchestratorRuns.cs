using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask.Worker.Grpc;
using P = Microsoft.DurableTask.Protobuf;

namespace MediaGen.Functions.Tests.Support;

/// <summary>Encoded orchestrator requests in, decoded responses out, for <see cref="GrpcOrchestrationRunner"/>.</summary>
internal static class OrchestratorRuns
{
    /// <summary>The start of the orchestration's first episode, as the Durable extension sends it (a new instance: no past events).</summary>
    public static string FirstEpisode(string name, string instanceId, string? inputJson, DateTime startedAt)
    {
        var request = new P.OrchestratorRequest { InstanceId = instanceId, ExecutionId = "execution-1" };
        request.NewEvents.Add(new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(startedAt),
            OrchestratorStarted = new P.OrchestratorStartedEvent(),
        });
        request.NewEvents.Add(new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(startedAt),
            ExecutionStarted = new P.ExecutionStartedEvent
            {
                Name = name,
                Input = inputJson,
                OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instanceId, ExecutionId = "execution-1" },
            },
        });
        return Convert.ToBase64String(request.ToByteArray());
    }

    /// <summary>
    /// The next episode after <paramref name="firstEpisode"/> produced <paramref name="firstActions"/> (timers created, tasks
    /// scheduled): its events become the past, <paramref name="newEvents"/> the new ones.
    /// </summary>
    public static string NextEpisode(string firstEpisode, IEnumerable<P.OrchestratorAction> firstActions, DateTime at, params P.HistoryEvent[] newEvents)
    {
        var first = P.OrchestratorRequest.Parser.ParseFrom(Convert.FromBase64String(firstEpisode));
        var request = new P.OrchestratorRequest { InstanceId = first.InstanceId, ExecutionId = first.ExecutionId };
        request.PastEvents.Add(first.NewEvents);
        foreach (var action in firstActions)
        {
            var scheduled = new P.HistoryEvent { EventId = action.Id, Timestamp = first.NewEvents[0].Timestamp };
            if (action.CreateTimer is { } timer)
            {
                scheduled.TimerCreated = new P.TimerCreatedEvent { FireAt = timer.FireAt };
            }
            else if (action.ScheduleTask is { } task)
            {
                scheduled.TaskScheduled = new P.TaskScheduledEvent { Name = task.Name, Input = task.Input };
            }
            else
            {
                throw new NotSupportedException(action.OrchestratorActionTypeCase.ToString());
            }

            request.PastEvents.Add(scheduled);
        }

        request.NewEvents.Add(new P.HistoryEvent { EventId = -1, Timestamp = Timestamp.FromDateTime(at), OrchestratorStarted = new P.OrchestratorStartedEvent() });
        request.NewEvents.Add(newEvents);
        return Convert.ToBase64String(request.ToByteArray());
    }

    /// <summary>Runs <paramref name="function"/> on <paramref name="encodedRequest"/> through the runner the Durable extension uses, with the app's services.</summary>
    public static P.OrchestratorResponse Run(string encodedRequest, OrchestrationFunction function, IServiceProvider services) =>
        P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(GrpcOrchestrationRunner.LoadAndRun(encodedRequest, function, services)));

    /// <summary>
    /// The JSON an activity function is bound to, from a scheduled task's input: DurableTask.Core schedules an activity's
    /// input as a one-element array (its parameter list), and the activity receives the element.
    /// </summary>
    public static string ActivityInputJson(string scheduled)
    {
        using var document = JsonDocument.Parse(scheduled);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return Assert.Single(document.RootElement.EnumerateArray()).GetRawText();
    }

    /// <summary>A scheduled task's input read as the activity's input type with <see cref="WorkflowJson.Options"/>.</summary>
    public static T ActivityInput<T>(string scheduled) => JsonSerializer.Deserialize<T>(ActivityInputJson(scheduled), WorkflowJson.Options)!;
}
