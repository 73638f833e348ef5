namespace MediaGen.Simulator.Ledger;

/// <summary>One call to a simulated provider endpoint (status polls are counted separately).</summary>
/// <param name="Sequence">1-based order of arrival.</param>
/// <param name="Provider">cosmic, pixazo or comet.</param>
/// <param name="Endpoint">A <see cref="SimulatorEndpoints"/> name.</param>
/// <param name="Path">Request path.</param>
/// <param name="Prompt">The request's prompt, if it had one.</param>
/// <param name="Attempt">How many times this endpoint had seen this prompt, this call included.</param>
/// <param name="StatusCode">HTTP status answered (0 when the connection was aborted).</param>
/// <param name="Accepted">True when the call bought a generation (2xx and not faulted).</param>
/// <param name="RequestId">Pixazo request id created by the call, if any.</param>
/// <param name="MediaIds">Ids of media created by the call.</param>
/// <param name="Faults">Fault directives that fired.</param>
/// <param name="ReceivedAt">When the call arrived.</param>
public sealed record LedgerEntry(
    long Sequence,
    string Provider,
    string Endpoint,
    string Path,
    string? Prompt,
    int Attempt,
    int StatusCode,
    bool Accepted,
    string? RequestId,
    IReadOnlyList<string> MediaIds,
    IReadOnlyList<string> Faults,
    DateTimeOffset ReceivedAt);
