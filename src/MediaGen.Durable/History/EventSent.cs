namespace MediaGen.Durable.History;

/// <summary>The orchestration sent an event to another instance.</summary>
/// <param name="EventId">Sequence number of the send.</param>
/// <param name="InstanceId">The target instance.</param>
/// <param name="Name">The event name.</param>
/// <param name="Input">The payload as JSON.</param>
public sealed record EventSent(int EventId, string InstanceId, string Name, string? Input) : HistoryEvent;
