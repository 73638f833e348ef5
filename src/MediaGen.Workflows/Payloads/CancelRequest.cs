namespace MediaGen.Workflows.Payloads;

/// <summary>Payload of the cancel event.</summary>
/// <param name="Reason">Why, as the caller said.</param>
public sealed record CancelRequest(string? Reason);
