namespace MediaGen.Core.Jobs;

/// <summary>One event of an orchestration's history, as the engine recorded it.</summary>
/// <param name="EventId">The event's id (task and timer ids; -1 for events without one).</param>
/// <param name="Type">The engine's event type, e.g. <c>TaskScheduled</c>, <c>TimerFired</c>, <c>EventRaised</c>.</param>
/// <param name="Name">The activity, sub-orchestration or event name, when the event has one.</param>
/// <param name="At">When it was recorded (UTC).</param>
public sealed record JobHistoryEvent(int EventId, string Type, string? Name, DateTimeOffset At);
