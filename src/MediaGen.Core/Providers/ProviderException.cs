namespace MediaGen.Core.Providers;

/// <summary>
/// The one failure type of the provider clients: the provider, the HTTP status, the provider's own
/// error code and message, and an <see cref="ErrorType"/> that says whether retrying can help.
/// Messages never contain keys.
/// </summary>
public sealed class ProviderException : Exception
{
    /// <summary>Creates a provider failure.</summary>
    public ProviderException(
        ProviderName provider,
        ProviderErrorType errorType,
        string message,
        HttpStatusCode? status = null,
        string? providerErrorCode = null,
        string? providerMessage = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        ErrorType = errorType;
        Status = status;
        ProviderErrorCode = providerErrorCode;
        ProviderMessage = providerMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>The provider that failed.</summary>
    public ProviderName Provider { get; }

    /// <summary>What kind of failure this is.</summary>
    public ProviderErrorType ErrorType { get; }

    /// <summary>The HTTP status the provider answered with; <see langword="null"/> when there was no response.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The provider's own error code or title (e.g. Pixazo <c>"Insufficient Balance"</c>), when it sent one.</summary>
    public string? ProviderErrorCode { get; }

    /// <summary>The provider's own error message, when it sent one.</summary>
    public string? ProviderMessage { get; }

    /// <summary>How long the provider asked to wait before retrying (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the same request may succeed later: rate limits, timeouts, provider outages and Pixazo <c>ERROR</c>.</summary>
    public bool IsRetryable => ErrorType is ProviderErrorType.RateLimited
        or ProviderErrorType.ProviderUnavailable
        or ProviderErrorType.Timeout
        or ProviderErrorType.SystemError;
}
