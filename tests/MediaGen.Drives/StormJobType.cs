namespace MediaGen.Drives;

/// <summary>A kind of job in the storm.</summary>
/// <param name="Name">Short name.</param>
/// <param name="Kind">The job's <c>kind</c>.</param>
/// <param name="Provider">The job's <c>provider</c>.</param>
/// <param name="Endpoint">The simulator endpoint that sells it (ledger name).</param>
/// <param name="Purchase">How it buys.</param>
/// <param name="Params">The job's <c>params</c> from its prompt and the simulator's address.</param>
/// <param name="Faults">The faults it can get.</param>
public sealed record StormJobType(
    string Name,
    string Kind,
    string Provider,
    string Endpoint,
    StormPurchase Purchase,
    Func<string, Uri, JsonObject> Params,
    IReadOnlyList<StormFault> Faults);
