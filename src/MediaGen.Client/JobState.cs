namespace MediaGen.Client;

/// <summary>A job or chain as the service shows it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Kind">What it generates.</param>
/// <param name="Provider">Who generates it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Progress">Provider status, attempts, items done: whatever the workflow reports.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record JobState(
    string Id, JobKind Kind, ProviderName Provider, JobStatus Status, JsonElement? Progress, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>What it produced, once completed.</summary>
    public JobResult? Result { get; init; }

    /// <summary>Why it failed or was canceled.</summary>
    public JobError? Error { get; init; }

    /// <summary>The estimate, and the actual cost once known.</summary>
    public JobCost? Cost { get; init; }

    /// <summary>Jobs with fallbacks: every provider tried so far.</summary>
    public IReadOnlyList<ProviderAttempt>? Providers { get; init; }

    /// <summary>The caller it belongs to.</summary>
    public string? Caller { get; init; }

    /// <summary>Once it has ended: when its record and stored media are deleted (null while it runs, or when the service keeps them forever).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Whether it has ended (completed, failed or canceled).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Canceled;
}
