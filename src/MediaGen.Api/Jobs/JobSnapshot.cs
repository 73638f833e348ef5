namespace MediaGen.Api.Jobs;

/// <summary>
/// What a watch of a job, chain or batch saw at one read: the state as the API shows it (<see cref="JobState"/> or
/// <see cref="BatchState"/>), its JSON, whether it has ended, and its version — a hash of that JSON, so two reads that
/// show the same thing have the same version and a stream never sends the same state twice.
/// </summary>
public sealed class JobSnapshot
{
    private JobSnapshot(string type, object state, JobStatus status, byte[] json)
    {
        Type = type;
        State = state;
        Status = status;
        Json = json;
        Version = Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 8));
    }

    /// <summary><c>job</c> (jobs and chains) or <c>batch</c>.</summary>
    public string Type { get; }

    /// <summary>The <see cref="JobState"/> or <see cref="BatchState"/>.</summary>
    public object State { get; }

    /// <summary>Where it stands.</summary>
    public JobStatus Status { get; }

    /// <summary>The state's JSON, as <c>GET</c> answers it (one line).</summary>
    public byte[] Json { get; }

    /// <summary>16 hex digits naming this state (the event id of a stream).</summary>
    public string Version { get; }

    /// <summary>Whether it has ended: completed, failed or canceled.</summary>
    public bool IsFinal => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Canceled;

    /// <summary>A job's or chain's snapshot.</summary>
    public static JobSnapshot Of(JobState job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobSnapshot("job", job, job.Status, JsonSerializer.SerializeToUtf8Bytes(job, HostJson.Options));
    }

    /// <summary>A batch's snapshot.</summary>
    public static JobSnapshot Of(BatchState batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new JobSnapshot("batch", batch, batch.Status, JsonSerializer.SerializeToUtf8Bytes(batch, HostJson.Options));
    }

    /// <summary>
    /// Reads <paramref name="id"/> as <paramref name="access"/> sees it: a batch when <paramref name="type"/> is
    /// <c>batch</c>, else a job or chain; null when there is none.
    /// </summary>
    public static async Task<JobSnapshot?> ReadAsync(JobReader reader, string id, JobAccess access, string type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return type == "batch"
            ? await reader.GetBatchAsync(id, access, cancellationToken).ConfigureAwait(false) is { } batch ? Of(batch) : null
            : await reader.GetJobAsync(id, access, cancellationToken).ConfigureAwait(false) is { } job ? Of(job) : null;
    }
}
