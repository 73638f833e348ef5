namespace MediaGen.Durable.History;

/// <summary>An episode ended.</summary>
public sealed record OrchestratorCompleted() : HistoryEvent;
