namespace MediaGen.Simulator.Ledger;

/// <summary>One webhook POST the simulator made for a Pixazo request.</summary>
/// <param name="RequestId">The Pixazo request.</param>
/// <param name="Url">The <c>X-Webhook-URL</c> it went to.</param>
/// <param name="Status">The status carried by the payload (QUEUED…ERROR).</param>
/// <param name="Attempt">1 for the first try of this payload copy.</param>
/// <param name="ResponseStatus">The receiver's HTTP status; null when it could not be reached.</param>
/// <param name="Error">Why the delivery failed, if it did.</param>
/// <param name="SentAt">When it was sent.</param>
public sealed record WebhookDelivery(
    string RequestId,
    string Url,
    string Status,
    int Attempt,
    int? ResponseStatus,
    string? Error,
    DateTimeOffset SentAt);
