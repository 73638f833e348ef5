namespace MediaGen.Workflows.Payloads;

/// <summary>
/// An expected failure an activity reports as data (not as an exception), so the orchestration can decide from the
/// error taxonomy whether and when to retry: the type, whether retrying may help, and the provider's <c>Retry-After</c>.
/// </summary>
/// <param name="Type">Error type: a provider error type (<c>rate_limited</c>, <c>content_policy</c>…) or a copy error code (<c>blocked_url</c>, <c>too_large</c>…).</param>
/// <param name="Message">What went wrong, for people (no keys or SAS tokens).</param>
/// <param name="Retryable">Whether the same call may succeed later.</param>
/// <param name="RetryAfter">How long the provider asked to wait, when it said.</param>
/// <param name="HttpStatus">The provider's HTTP status, when there was a response.</param>
public sealed record StepFailure(string Type, string Message, bool Retryable, TimeSpan? RetryAfter = null, int? HttpStatus = null)
{
    /// <summary>The failure a provider exception stands for.</summary>
    public static StepFailure From(ProviderException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new StepFailure(ErrorCode(exception.ErrorType), exception.Message, exception.IsRetryable, exception.RetryAfter, (int?)exception.Status);
    }

    /// <summary>The failure a media copy exception stands for.</summary>
    public static StepFailure From(MediaCopyException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new StepFailure(exception.Code, exception.Message, exception.IsTransient, null, exception.SourceStatus);
    }

    /// <summary>The snake_case JSON name of a provider error type.</summary>
    public static string ErrorCode(ProviderErrorType type) => WireNames.Of(type);
}
