namespace MediaGen.Core.Jobs;

/// <summary>A job as callers see it.</summary>
/// <param name="Id">The job id (the orchestration instance id).</param>
/// <param name="Kind">What it generates.</param>
/// <param name="Provider">Who generates it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Progress">Provider status, attempts, items done — whatever the workflow reports.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Result">What it produced, once <see cref="JobStatus.Completed"/>.</param>
/// <param name="Error">Why it failed, once <see cref="JobStatus.Failed"/> or <see cref="JobStatus.Canceled"/>.</param>
/// <param name="Providers">Jobs with fallbacks: every provider tried so far, which served and why each earlier one was skipped.</param>
/// <param name="Cost">What it costs: the estimate from the start, the actual once it is known.</param>
/// <param name="Caller">Whose job it is: the caller that started it (the API key's caller; queue and inbox jobs: the intake caller); absent for jobs started before owners were recorded.</param>
/// <param name="ExpiresAt">Once it has ended: when its record and stored media are deleted (its end + <c>Retention__Days</c>); absent while it runs or when retention is off.</param>
public sealed record JobState(
    string Id,
    JobKind Kind,
    ProviderName Provider,
    JobStatus Status,
    JsonElement? Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JobResult? Result = null,
    JobError? Error = null,
    JobCost? Cost = null,
    IReadOnlyList<ProviderAttempt>? Providers = null,
    string? Caller = null,
    DateTimeOffset? ExpiresAt = null);
