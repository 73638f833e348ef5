using MediaGen.Core.Providers.Validation;

namespace MediaGen.Api.Triggers;

/// <summary>What the poison queue receives for a request that could not become a job (plain JSON, camelCase).</summary>
/// <param name="MessageId">The original message's id.</param>
/// <param name="OriginalMessage">The original message text, as received (cut at 32 KiB; see <paramref name="Truncated"/>).</param>
/// <param name="Reason"><c>invalid</c> (validation failed: permanent, poisoned at once) or <c>gave_up</c> (failed <paramref name="DequeueCount"/> times).</param>
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
