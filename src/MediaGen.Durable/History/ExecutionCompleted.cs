using MediaGen.Durable.Client;

namespace MediaGen.Durable.History;

/// <summary>The execution finished (completed or failed).</summary>
/// <param name="Status">Completed or Failed.</param>
/// <param name="Result">The output as JSON.</param>
/// <param name="FailureDetails">Why it failed.</param>
public sealed record ExecutionCompleted(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? FailureDetails) : HistoryEvent;
