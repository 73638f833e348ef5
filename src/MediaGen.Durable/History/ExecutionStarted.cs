namespace MediaGen.Durable.History;

/// <summary>The instance started (first event of every execution).</summary>
/// <param name="Name">The orchestrator name.</param>
/// <param name="ExecutionId">Id of this execution (changes on continue-as-new).</param>
/// <param name="Input">The input as JSON.</param>
/// <param name="Parent">The calling orchestration, for a sub-orchestration.</param>
public sealed record ExecutionStarted(string Name, string ExecutionId, string? Input, ParentInstance? Parent) : HistoryEvent;
