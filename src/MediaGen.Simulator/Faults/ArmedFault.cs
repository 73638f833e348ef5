namespace MediaGen.Simulator.Faults;

/// <summary>A fault rule as armed in the registry: its id, parsed directives and uses left.</summary>
/// <param name="Id">Identifier returned by <c>POST /_simulator/faults</c>.</param>
/// <param name="Rule">The rule as given.</param>
/// <param name="Remaining">Matching requests it still applies to; null when unlimited.</param>
public sealed record ArmedFault(string Id, FaultRule Rule, int? Remaining);
