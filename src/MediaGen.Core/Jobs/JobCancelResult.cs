namespace MediaGen.Core.Jobs;

/// <summary>What a cancel request did.</summary>
public enum JobCancelResult
{
    /// <summary>The job, chain or batch is cancelling: it stops at its next step and ends <see cref="JobStatus.Canceled"/>.</summary>
    CancelRequested,

    /// <summary>It had already ended; nothing changed.</summary>
    AlreadyFinished,

    /// <summary>No job, chain or batch has this id.</summary>
    NotFound,
}
