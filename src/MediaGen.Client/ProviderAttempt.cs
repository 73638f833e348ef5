namespace MediaGen.Client;

/// <summary>One provider a job with fallbacks tried.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Outcome"><c>served</c>, <c>skipped</c>, …</param>
/// <param name="ErrorType">Why it was skipped.</param>
/// <param name="Reason">The provider's message.</param>
public sealed record ProviderAttempt(ProviderName Provider, string Outcome, string? ErrorType = null, string? Reason = null);
