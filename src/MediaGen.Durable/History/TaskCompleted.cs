namespace MediaGen.Durable.History;

/// <summary>An activity returned.</summary>
/// <param name="TaskScheduledId">The task it answers.</param>
/// <param name="Result">The result as JSON.</param>
public sealed record TaskCompleted(int TaskScheduledId, string? Result) : HistoryEvent;
