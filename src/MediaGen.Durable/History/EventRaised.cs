namespace MediaGen.Durable.History;

/// <summary>An external event arrived.</summary>
/// <param name="Name">The event name.</param>
/// <param name="Input">The payload as JSON.</param>
/// <param name="MessageId">Identity of the message that carried it (for de-duplication).</param>
public sealed record EventRaised(string Name, string? Input, string MessageId) : HistoryEvent;
