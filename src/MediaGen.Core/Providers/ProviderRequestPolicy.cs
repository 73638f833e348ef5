namespace MediaGen.Core.Providers;

/// <summary>How <see cref="ProviderResilience"/> treats one request; set by the clients on <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class ProviderRequestPolicy
{
    /// <summary>Timeout of each attempt; infinite or absent means none.</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new("MediaGen.Providers.AttemptTimeout");

    /// <summary>Whether to read the whole (small, JSON) body inside the attempt, so a stalled body is timed out and retried too.</summary>
    public static readonly HttpRequestOptionsKey<bool> BufferResponse = new("MediaGen.Providers.BufferResponse");

    /// <summary>
    /// Whether failures that leave it unknown if the provider acted (500, 502, 504, timeouts, broken connections) may be retried.
    /// Off for calls where a silent second success costs a lot (a Cosmic video is 144,000–768,000 tokens).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> RetryAmbiguousFailures = new("MediaGen.Providers.RetryAmbiguousFailures");

    /// <summary>Marks a request with its attempt timeout and retry behaviour.</summary>
    public static void Apply(HttpRequestMessage request, TimeSpan attemptTimeout, bool bufferResponse, bool retryAmbiguousFailures = true)
    {
        request.Options.Set(AttemptTimeout, attemptTimeout);
        request.Options.Set(BufferResponse, bufferResponse);
        request.Options.Set(RetryAmbiguousFailures, retryAmbiguousFailures);
    }
}
