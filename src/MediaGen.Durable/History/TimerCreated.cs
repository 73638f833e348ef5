namespace MediaGen.Durable.History;

/// <summary>The orchestration created a durable timer.</summary>
/// <param name="TimerId">Sequence number of the timer.</param>
/// <param name="FireAt">When it fires (UTC).</param>
public sealed record TimerCreated(int TimerId, DateTime FireAt) : HistoryEvent;
