namespace MediaGen.Core.Jobs;

/// <summary>
/// A chained Cosmic video extension: <c>{"initial":{cosmic video params} | "mediaId":"…","prompts":["…"],"model","output",
/// "idempotencyKey","callbackUrl","deadline"}</c>. Each prompt extends the previous segment by 8 seconds.
/// </summary>
/// <param name="Initial">Params of the first video (as Cosmic documents them); or null to start from <paramref name="MediaId"/>.</param>
/// <param name="MediaId">An existing Veo video to extend; or null to generate <paramref name="Initial"/> first.</param>
/// <param name="Prompts">One extension per prompt, in order.</param>
/// <param name="Model">Veo model of the extensions; provider default when null.</param>
/// <param name="Output">Where the segments go.</param>
/// <param name="IdempotencyKey">Same key, same chain.</param>
/// <param name="CallbackUrl">Receives a signed POST when the chain ends.</param>
/// <param name="Deadline">The chain stops with a timeout error if not finished by then.</param>
public sealed record ChainRequest(
    JsonElement? Initial,
    string? MediaId,
    IReadOnlyList<string> Prompts,
    string? Model = null,
    JobOutput? Output = null,
    string? IdempotencyKey = null,
    string? CallbackUrl = null,
    DateTimeOffset? Deadline = null);
