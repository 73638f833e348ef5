namespace MediaGen.Workflows.Payloads;

/// <summary>
/// The body of a <c>started</c> or <c>output</c> callback delivery (serialized with <see cref="JobJson.Options"/>); the
/// <c>completed</c> one is a <see cref="JobNotification"/>.
/// </summary>
/// <param name="Event"><c>started</c> or <c>output</c>.</param>
/// <param name="Id">The job, batch or chain id.</param>
/// <param name="Type"><c>job</c>, <c>batch</c> or <c>chain</c>.</param>
/// <param name="Status">Always <see cref="JobStatus.Running"/>: the job has not ended.</param>
/// <param name="At">When the event happened (orchestration time).</param>
/// <param name="Kind">What it generates (jobs and chains).</param>
/// <param name="Provider">Who generates it (jobs and chains).</param>
/// <param name="Index">Output: the item's index (a job's media item, a chain's segment, a batch's item).</param>
/// <param name="Item">Output of a job or chain: the stored item.</param>
/// <param name="ItemId">Output of a batch: the item's job id.</param>
/// <param name="Result">Output of a batch: what the item stored.</param>
public sealed record JobEventNotification(
    string Event,
    string Id,
    string Type,
    JobStatus Status,
    DateTimeOffset At,
    JobKind? Kind = null,
    ProviderName? Provider = null,
    int? Index = null,
    JobResultItem? Item = null,
    string? ItemId = null,
    JobResult? Result = null);
