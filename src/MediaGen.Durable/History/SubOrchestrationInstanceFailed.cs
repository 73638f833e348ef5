namespace MediaGen.Durable.History;

/// <summary>A sub-orchestration failed or was terminated.</summary>
/// <param name="TaskScheduledId">The task it answers.</param>
/// <param name="FailureDetails">What went wrong.</param>
public sealed record SubOrchestrationInstanceFailed(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;
