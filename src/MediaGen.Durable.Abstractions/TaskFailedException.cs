namespace MediaGen.Durable;

/// <summary>
/// The one exception an orchestration sees when an activity or sub-orchestration it called failed
/// (after any retries). <see cref="FailureDetails"/> describes the failure, inner failure included.
/// </summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Name of the failed activity or sub-orchestration.</summary>
    public string TaskName { get; }

    /// <summary>Sequence number of the failed task in its orchestration.</summary>
    public int TaskId { get; }

    /// <summary>What went wrong.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
