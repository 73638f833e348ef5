namespace MediaGen.Core.Jobs;

/// <summary>A filter over jobs (and chains), paged.</summary>
/// <param name="Statuses">Only jobs in one of these statuses; null or empty: any.</param>
/// <param name="CreatedFrom">Only jobs created at or after this time.</param>
/// <param name="CreatedTo">Only jobs created before this time.</param>
/// <param name="PageSize">Instances examined per page (1–1000, default 50); a filtered page may hold fewer jobs.</param>
/// <param name="ContinuationToken">Where the previous page ended; null for the first page.</param>
/// <param name="Kinds">Only jobs of one of these kinds; null or empty: any.</param>
/// <param name="Providers">Only jobs of one of these providers; null or empty: any.</param>
/// <param name="Search">Only jobs whose id or idempotency key contains this text (case-insensitive); null: any.</param>
/// <param name="Caller">Only jobs of this caller (operators: any caller's; others see their own only, so another name finds nothing); null: every job the asker sees.</param>
public sealed record JobQuery(
    IReadOnlyCollection<JobStatus>? Statuses = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int PageSize = 50,
    string? ContinuationToken = null,
    IReadOnlyCollection<JobKind>? Kinds = null,
    IReadOnlyCollection<ProviderName>? Providers = null,
    string? Search = null,
    string? Caller = null);
