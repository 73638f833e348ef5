namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Thrown inside an orchestration when the job's deadline has passed before its next step; <see cref="JobRunner"/> turns
/// it into a <c>timeout</c> outcome. Deterministic: it is decided on the orchestration's time, so every replay throws it at
/// the same point.
/// </summary>
internal sealed class JobDeadlineException : Exception
{
    public JobDeadlineException()
        : base("The job's deadline has passed.")
    {
    }
}
