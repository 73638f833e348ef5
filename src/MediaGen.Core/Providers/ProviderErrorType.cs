namespace MediaGen.Core.Providers;

/// <summary>What kind of provider failure a <see cref="ProviderException"/> reports; decides whether a retry can help.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProviderErrorType>))]
public enum ProviderErrorType
{
    /// <summary>The provider rejected the request (HTTP 400, 404, 409, 413, 422 or another 4xx). Not retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.InvalidRequest)]
    InvalidRequest,

    /// <summary>The key was missing or rejected (HTTP 401). Not retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.Unauthorized)]
    Unauthorized,

    /// <summary>The key may not use this resource (HTTP 403). Not retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.Forbidden)]
    Forbidden,

    /// <summary>The account cannot pay for the generation (HTTP 402). Not retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.InsufficientBalance)]
    InsufficientBalance,

    /// <summary>Too many requests (HTTP 429). Retryable after <see cref="ProviderException.RetryAfter"/>.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.RateLimited)]
    RateLimited,

    /// <summary>The provider failed or could not be reached (HTTP 5xx, connection failure). Retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.ProviderUnavailable)]
    ProviderUnavailable,

    /// <summary>The provider refused the content (e.g. Cosmic "No videos generated"). Rephrase; not retryable as is.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.ContentPolicy)]
    ContentPolicy,

    /// <summary>The provider did not answer in time (every attempt timed out, or HTTP 408). Retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.Timeout)]
    Timeout,

    /// <summary>The provider answered with a body MediaGen cannot read (not JSON, missing or mistyped fields). Not retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.MalformedResponse)]
    MalformedResponse,

    /// <summary>The generation ran and failed (Pixazo <c>FAILED</c>). Terminal; not retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.GenerationFailed)]
    GenerationFailed,

    /// <summary>The provider had a system error and did not charge (Pixazo <c>ERROR</c>). The request may be resubmitted.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.SystemError)]
    SystemError,

    /// <summary>The provider is not configured here (no key or bucket slug); nothing was sent. Not retryable.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.NotConfigured)]
    NotConfigured,
}
