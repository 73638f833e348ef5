namespace MediaGen.Core.Jobs;

/// <summary>Everything the operator dashboard shows about one job or chain.</summary>
/// <param name="Job">The job as <c>GET /api/jobs/{id}</c> answers it.</param>
/// <param name="Type"><c>job</c> or <c>chain</c>.</param>
/// <param name="Request">What was asked, with secrets removed (<c>params</c> fields named like keys or secrets, URL queries).</param>
/// <param name="IdempotencyKey">The request's idempotency key, when it had one.</param>
/// <param name="BatchId">The batch this job is an item of, when it is one.</param>
/// <param name="Timeline">What happened when: accepted, provider calls, polls and webhooks, copies, completion, notifications.</param>
/// <param name="History">The orchestration's history as the engine recorded it (latest execution), on both hosts.</param>
/// <param name="HistoryNote">What <paramref name="History"/> leaves out (a Pixazo job's earlier executions), or null.</param>
/// <param name="Previews">One read link per stored item, filled in by the HTTP layer.</param>
public sealed record JobDetails(
    JobState Job,
    string Type,
    JsonElement? Request,
    string? IdempotencyKey,
    string? BatchId,
    IReadOnlyList<JobTimelineEntry> Timeline,
    IReadOnlyList<JobHistoryEvent> History,
    string? HistoryNote,
    IReadOnlyList<MediaPreview>? Previews = null);
