using MediaGen.Durable.History;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// A message to an orchestration instance (a new history event for it) or, when the event is
/// <see cref="TaskScheduled"/>, a request to run an activity.
/// </summary>
/// <param name="Id">Stable identity: a redelivered or re-sent copy has the same id.</param>
/// <param name="InstanceId">The instance the message is for.</param>
/// <param name="ExecutionId">The execution it is for; null for events that go to whichever execution is current.</param>
/// <param name="Event">The event.</param>
internal sealed record WorkMessage(string Id, string InstanceId, string? ExecutionId, HistoryEvent Event)
{
    /// <summary>When an orchestration message becomes due (timers and scheduled starts); null: now.</summary>
    public DateTime? DueAt { get; init; }

    /// <summary>
    /// On a client's start message: the ETag of the state blob the client created, so the worker can
    /// write the first episode without reading the blob first.
    /// </summary>
    public string? StateETag { get; init; }
}
