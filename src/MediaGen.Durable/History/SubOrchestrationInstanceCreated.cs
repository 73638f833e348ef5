namespace MediaGen.Durable.History;

/// <summary>The orchestration started a sub-orchestration.</summary>
/// <param name="TaskId">Sequence number of the task.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="InstanceId">The child's instance id.</param>
/// <param name="Input">The input as JSON.</param>
public sealed record SubOrchestrationInstanceCreated(int TaskId, string Name, string InstanceId, string? Input) : HistoryEvent;
