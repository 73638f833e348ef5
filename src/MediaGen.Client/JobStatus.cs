namespace MediaGen.Client;

/// <summary>Where a job, chain or batch stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    /// <summary>Accepted, not started.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Ended with its result.</summary>
    Completed,

    /// <summary>Ended with an error.</summary>
    Failed,

    /// <summary>Ended because it was canceled.</summary>
    Canceled,
}
