namespace MediaGen.Workflows;

/// <summary>A job request as <see cref="JobValidator.Check"/> found it.</summary>
/// <param name="Errors">Every problem; empty when the job may start.</param>
/// <param name="Requests">The typed request of each of <see cref="JobRequest.Candidates"/>, in order (null where its params did not bind).</param>
public sealed record CheckedJob(IReadOnlyList<ValidationError> Errors, IReadOnlyList<object?> Requests);
