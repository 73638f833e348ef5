namespace MediaGen.Workflows.Payloads;

/// <summary>Where a run delivers the <c>started</c> and <c>output</c> events its request chose.</summary>
/// <param name="Url">The caller's callback URL.</param>
/// <param name="Id">The job, batch or chain id the events are about (and their delivery ids derive from).</param>
/// <param name="Type"><c>job</c>, <c>batch</c> or <c>chain</c>.</param>
/// <param name="Events">The chosen events.</param>
public sealed record EventTarget(string Url, string Id, string Type, IReadOnlyList<CallbackEvent> Events);
