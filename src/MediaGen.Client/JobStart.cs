namespace MediaGen.Client;

/// <summary>
/// What a start answered: <see cref="Final"/> when it waited (<c>Prefer: wait</c>) and the job, batch or chain ended in
/// time; else <see cref="Accepted"/>, where to follow it.
/// </summary>
/// <typeparam name="TState"><see cref="JobState"/> (jobs, chains) or <see cref="BatchState"/>.</typeparam>
/// <param name="Id">The id.</param>
/// <param name="Created">False when the idempotency key named an existing one.</param>
/// <param name="Accepted">The 202/200 body, when it had not ended.</param>
/// <param name="Final">The final state, when it ended within the wait.</param>
/// <param name="WaitApplied">The wait the service applied (<c>Preference-Applied</c>), when one was asked.</param>
public sealed record JobStart<TState>(string Id, bool Created, JobAccepted? Accepted, TState? Final, TimeSpan? WaitApplied)
    where TState : class;
