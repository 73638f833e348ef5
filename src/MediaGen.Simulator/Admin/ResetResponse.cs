namespace MediaGen.Simulator.Admin;

/// <summary>Body of <c>POST /_simulator/reset</c>.</summary>
/// <param name="Reset">Always true.</param>
/// <param name="Faults">Faults armed after the reset (the per-run ones).</param>
public sealed record ResetResponse(bool Reset, IReadOnlyList<Faults.ArmedFault> Faults);
