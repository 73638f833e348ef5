namespace MediaGen.Drives;

/// <summary>One injected fault and the outcome it must lead to.</summary>
/// <param name="Name">Short name for the summary.</param>
/// <param name="Directive">The simulator directive put into the prompt (<c>[sim:…]</c>, docs/simulator.md).</param>
/// <param name="Status">The job's expected final status.</param>
/// <param name="ErrorType">The expected <c>error.type</c> when it fails.</param>
/// <param name="MinPurchases">Fewest generations the simulator may sell for the job (its <c>accepted</c> calls).</param>
/// <param name="MaxPurchases">Most it may sell.</param>
public sealed record StormFault(string Name, string Directive, string Status, string? ErrorType, int MinPurchases, int MaxPurchases);
