using MediaGen.Durable.Client;
using MediaGen.Durable.History;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Everything stored about one instance: status, payloads, the current execution's history, messages
/// that arrived before it could start (inbox), and the messages its last episode sent (outbox, re-sent
/// after a crash so nothing committed is lost). Stored as one blob, rewritten once per episode.
/// </summary>
internal sealed class InstanceState
{
    public required string InstanceId { get; init; }

    public required string Name { get; set; }

    public string ExecutionId { get; set; } = "";

    public OrchestrationRuntimeStatus Status { get; set; } = OrchestrationRuntimeStatus.Pending;

    public DateTime CreatedAt { get; set; }

    public DateTime LastUpdatedAt { get; set; }

    public string? Input { get; set; }

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public TaskFailureDetails? FailureDetails { get; set; }

    public ParentInstance? Parent { get; set; }

    /// <summary>Id of the message that created the instance (to recognise a redelivered start).</summary>
    public string? CreationMessageId { get; set; }

    public List<HistoryEvent> History { get; set; } = [];

    public List<WorkMessage> Inbox { get; set; } = [];

    public List<WorkMessage> Outbox { get; set; } = [];

    /// <summary>The state a client stores for a new instance: pending, its start message in the inbox.</summary>
    public static InstanceState ForStart(WorkMessage start)
    {
        var started = (ExecutionStarted)start.Event;
        return new InstanceState
        {
            InstanceId = start.InstanceId,
            Name = started.Name,
            ExecutionId = started.ExecutionId,
            CreatedAt = started.Timestamp,
            LastUpdatedAt = started.Timestamp,
            Input = started.Input,
            CreationMessageId = start.Id,
            Inbox = [start with { StateETag = null }],
        };
    }

    public bool IsTerminal => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public OrchestrationMetadata ToMetadata(bool includePayloads) => new(Name, InstanceId)
    {
        RuntimeStatus = Status,
        CreatedAt = new DateTimeOffset(CreatedAt, TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(LastUpdatedAt, TimeSpan.Zero),
        SerializedInput = includePayloads ? Input : null,
        SerializedOutput = includePayloads ? Output : null,
        SerializedCustomStatus = includePayloads ? CustomStatus : null,
        FailureDetails = FailureDetails,
    };
}
