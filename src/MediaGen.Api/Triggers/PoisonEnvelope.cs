namespace MediaGen.Api.Triggers;

/// <summary>
/// What MediaGen writes to <c>&lt;queue&gt;-poison</c> for a request that cannot become a job (plain JSON, camelCase), in
/// both hosts. A message that instead kept failing for a transient reason is moved there by the host as it is (the
/// original request, no envelope), as the Functions host does after <c>maxDequeueCount</c> deliveries.
/// </summary>
/// <param name="MessageId">The original message's id.</param>
/// <param name="OriginalMessage">The original message text, as received (cut at 32 KiB; see <paramref name="Truncated"/>).</param>
/// <param name="Reason"><c>invalid</c> (validation failed) or <c>budget_exceeded</c> (the caller's budget refuses it): permanent, poisoned on that delivery.</param>
/// <param name="Errors">Each problem, naming its field.</param>
/// <param name="DequeueCount">Deliveries of the original message.</param>
/// <param name="FailedAt">When it was poisoned.</param>
/// <param name="Truncated">True when <paramref name="OriginalMessage"/> was cut to fit a queue message.</param>
public sealed record PoisonEnvelope(
    string MessageId,
    string OriginalMessage,
    string Reason,
    IReadOnlyList<ValidationError> Errors,
    long DequeueCount,
    DateTimeOffset FailedAt,
    bool Truncated = false);
