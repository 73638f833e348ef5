namespace MediaGen.Api.Triggers;

/// <summary>
/// The durable record that an inbox blob was processed: the body of its marker blob in
/// the standalone host's processed container (<c>BlobInbox__ProcessedContainerName</c>) (same name as the inbox blob).
/// </summary>
/// <param name="Blob">The inbox blob's name.</param>
/// <param name="ETag">The inbox blob's ETag when it was processed; a re-upload changes it and is processed again.</param>
/// <param name="Status"><c>started</c> or <c>failed</c>.</param>
/// <param name="JobId">The job the blob started, when it did.</param>
/// <param name="Errors">Why it could not become a job, when it failed.</param>
/// <param name="ProcessedAt">When it was processed.</param>
/// <param name="Reason">Why it failed: <c>invalid</c> (not a valid job: permanent, recorded at once) or <c>gave_up</c>
/// (failed <c>BlobInbox__MaxAttempts</c> times for another reason); null when it started.</param>
public sealed record InboxRecord(
    string Blob,
    string ETag,
    string Status,
    string? JobId,
    IReadOnlyList<ValidationError>? Errors,
    DateTimeOffset ProcessedAt,
    string? Reason = null);
