namespace MediaGen.Durable.History;

/// <summary>The orchestration scheduled an activity.</summary>
/// <param name="TaskId">Sequence number of the task.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">The input as JSON.</param>
public sealed record TaskScheduled(int TaskId, string Name, string? Input) : HistoryEvent;
