namespace MediaGen.Core.Jobs;

/// <summary>
/// Every error type a job, step, callback or intake reports (<see cref="JobError.Type"/>, a step failure's type, a poison
/// record's reason), in one place. The provider error types are also <see cref="Providers.ProviderErrorType"/>'s wire names
/// and the copy errors <see cref="Media.MediaCopyErrorKind"/>'s: their attributes name these constants.
/// </summary>
public static class JobErrorCodes
{
    /// <summary>The provider rejected the request as invalid (a 4xx other than those below).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The provider rejected the key (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The provider refused the operation (403).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The provider account has no balance left (402).</summary>
    public const string InsufficientBalance = "insufficient_balance";

    /// <summary>The provider rate-limited the call (429).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The provider failed or was unreachable (5xx, network).</summary>
    public const string ProviderUnavailable = "provider_unavailable";

    /// <summary>The provider refused the prompt.</summary>
    public const string ContentPolicy = "content_policy";

    /// <summary>A call or the job ran out of time (also a job past its deadline).</summary>
    public const string Timeout = "timeout";

    /// <summary>An answer could not be read, or held a media URL that is not one.</summary>
    public const string MalformedResponse = "malformed_response";

    /// <summary>The provider reported the generation failed (Pixazo FAILED).</summary>
    public const string GenerationFailed = "generation_failed";

    /// <summary>The provider reported a system error (Pixazo ERROR), or ran out of resubmissions.</summary>
    public const string SystemError = "system_error";

    /// <summary>A key or secret the step needs is not configured.</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>A media URL may not be fetched.</summary>
    public const string BlockedUrl = "blocked_url";

    /// <summary>Media larger than the store allows.</summary>
    public const string TooLarge = "too_large";

    /// <summary>The media source failed.</summary>
    public const string SourceFailed = "source_failed";

    /// <summary>Inline media is not valid, or empty.</summary>
    public const string InvalidData = "invalid_data";

    /// <summary>Blob Storage failed the write.</summary>
    public const string StorageFailed = "storage_failed";

    /// <summary>The media's type is not one the job's kind stores.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>The target container is not an output container.</summary>
    public const string ContainerNotAllowed = "container_not_allowed";

    /// <summary>The orchestration itself failed (an engine or code fault, not a failure reported as data).</summary>
    public const string InternalError = "internal_error";

    /// <summary>Canceled by a caller, or terminated.</summary>
    public const string Canceled = "canceled";

    /// <summary>The host stopped during a paid call; it is not made again.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>The completion callback could not be delivered.</summary>
    public const string CallbackFailed = "callback_failed";

    /// <summary>The results queue refused the message.</summary>
    public const string QueueFailed = "queue_failed";

    /// <summary>A queued or inbox job's estimate did not fit the caller's budget (a poison record's reason).</summary>
    public const string BudgetExceeded = "budget_exceeded";
}
