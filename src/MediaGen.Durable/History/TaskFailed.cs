namespace MediaGen.Durable.History;

/// <summary>An activity threw.</summary>
/// <param name="TaskScheduledId">The task it answers.</param>
/// <param name="FailureDetails">What went wrong.</param>
public sealed record TaskFailed(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;
