namespace MediaGen.Core.Providers;

/// <summary>
/// Retry settings shared by the three provider clients (one <see cref="ProviderResilience"/> configuration).
/// Per-attempt timeouts belong to each provider's options, because a Cosmic video call needs minutes
/// where a Pixazo status poll needs seconds.
/// </summary>
public sealed class ProviderResilienceOptions
{
    /// <summary>Configuration section: <c>ProviderResilience</c>.</summary>
    public const string SectionName = "ProviderResilience";

    /// <summary>Retries after the first attempt, for 429, 5xx, timeouts and connection failures. Default 3; 0 disables retries; at most 10.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay when the provider gives no <c>Retry-After</c>; doubles per attempt, with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest <c>Retry-After</c> waited for in-process. A longer one is not waited for here: the 429 surfaces as a
    /// <see cref="ProviderException"/> carrying <see cref="ProviderException.RetryAfter"/>, so an orchestration
    /// can wait on a durable timer instead of holding a worker. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
