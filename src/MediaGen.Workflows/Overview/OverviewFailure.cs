namespace MediaGen.Workflows.Overview;

/// <summary>Failed jobs of one error type and provider.</summary>
/// <param name="ErrorType">The jobs' <c>error.type</c>, e.g. <c>rate_limited</c>, <c>timeout</c>.</param>
/// <param name="Provider">The job's provider.</param>
/// <param name="Jobs">Failed jobs counted.</param>
public sealed record OverviewFailure(string ErrorType, ProviderName Provider, int Jobs);
