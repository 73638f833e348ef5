namespace MediaGen.Durable.History;

/// <summary>The instance was terminated.</summary>
/// <param name="Reason">The reason as JSON.</param>
public sealed record ExecutionTerminated(string? Reason) : HistoryEvent;
