namespace MediaGen.Core.Jobs;

/// <summary>One provider a job with fallbacks tried.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Outcome"><c>served</c>, <c>skipped</c> (failed proving nothing was bought: the next one was tried) or <c>failed</c> (the job ended here).</param>
/// <param name="ErrorType">Why it did not serve (<c>insufficient_balance</c>, <c>rate_limited</c>…).</param>
/// <param name="Reason">What happened, for people.</param>
public sealed record ProviderAttempt(ProviderName Provider, string Outcome, string? ErrorType = null, string? Reason = null);
