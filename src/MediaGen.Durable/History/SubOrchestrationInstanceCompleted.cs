namespace MediaGen.Durable.History;

/// <summary>A sub-orchestration completed.</summary>
/// <param name="TaskScheduledId">The task it answers.</param>
/// <param name="Result">The output as JSON.</param>
public sealed record SubOrchestrationInstanceCompleted(int TaskScheduledId, string? Result) : HistoryEvent;
