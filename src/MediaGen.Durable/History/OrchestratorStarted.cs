namespace MediaGen.Durable.History;

/// <summary>An episode began; its timestamp is the orchestration's current time.</summary>
public sealed record OrchestratorStarted() : HistoryEvent;
