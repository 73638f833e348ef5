namespace MediaGen.Core.Providers;

/// <summary>Which failed calls of a kind may be made again.</summary>
public enum RetryClass
{
    /// <summary>Any retryable failure: a repeated call risks at most what the first one did.</summary>
    AnyRetryableFailure,

    /// <summary>
    /// Expensive generations: a retryable failure is retried only when it proves nothing was bought (a rate limit, 408,
    /// 503); a 500 or a timeout may have bought one, so it is not asked again.
    /// </summary>
    OnlyWhenNothingBought,
}
