namespace MediaGen.Core.Jobs;

/// <summary>Where a job stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    /// <summary>Accepted, not started yet.</summary>
    Pending,

    /// <summary>Generating or copying media.</summary>
    Running,

    /// <summary>Every item is stored; <see cref="JobState.Result"/> lists them.</summary>
    Completed,

    /// <summary>Ended with <see cref="JobState.Error"/>.</summary>
    Failed,

    /// <summary>Canceled by a caller before it finished.</summary>
    Canceled,
}
