namespace MediaGen.Durable.History;

/// <summary>The execution restarted itself with a new input (the history that follows is reset).</summary>
/// <param name="Input">The new input as JSON.</param>
public sealed record ContinuedAsNew(string? Input) : HistoryEvent;
