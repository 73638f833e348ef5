namespace MediaGen.Simulator.Ledger;

/// <summary>Calls to one endpoint.</summary>
/// <param name="Endpoint">A <see cref="SimulatorEndpoints"/> name.</param>
/// <param name="Total">Every call, including rejected and faulted ones.</param>
/// <param name="Accepted">Calls that bought a generation.</param>
public sealed record EndpointCount(string Endpoint, int Total, int Accepted);
