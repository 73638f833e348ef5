namespace MediaGen.Core.Jobs;

/// <summary>Why a job failed.</summary>
/// <param name="Type">Error type, e.g. <c>invalid_request</c>, <c>rate_limited</c>, <c>content_policy</c>, <c>timeout</c>, <c>canceled</c>.</param>
/// <param name="Message">What went wrong, for people.</param>
/// <param name="Field">The request field at fault, when one is.</param>
public sealed record JobError(string Type, string Message, string? Field = null);
