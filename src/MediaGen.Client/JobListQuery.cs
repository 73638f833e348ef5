namespace MediaGen.Client;

/// <summary>Filters of a job list; every one is optional.</summary>
public sealed record JobListQuery
{
    /// <summary>Only these statuses.</summary>
    public IReadOnlyList<JobStatus>? Statuses { get; init; }

    /// <summary>Only these kinds.</summary>
    public IReadOnlyList<JobKind>? Kinds { get; init; }

    /// <summary>Only these providers.</summary>
    public IReadOnlyList<ProviderName>? Providers { get; init; }

    /// <summary>Created at or after.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Text in the id or idempotency key.</summary>
    public string? Search { get; init; }

    /// <summary>Operators: that caller's jobs.</summary>
    public string? Caller { get; init; }

    /// <summary>Instances read per page (1–1000; the service's default 50 when null).</summary>
    public int? PageSize { get; init; }
}
