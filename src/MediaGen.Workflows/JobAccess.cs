namespace MediaGen.Workflows;

/// <summary>
/// Who is asking the job service to read or act on jobs: a caller sees and acts on its own jobs, batches and chains
/// only (<see cref="JobOwner"/>); an operator (<c>Api__AdminCallers</c>) sees and acts on every caller's. Anything a
/// caller may not see is reported exactly as if it did not exist.
/// </summary>
/// <param name="Caller">The caller's name (an API key's caller, or the intake caller).</param>
/// <param name="IsOperator">True for an operator: every caller's jobs are visible.</param>
public sealed record JobAccess(string Caller, bool IsOperator = false)
{
    /// <summary>An operator acting as the <see cref="JobOwner.DefaultCaller"/>: sees everything (tools, tests, in-process callers).</summary>
    public static JobAccess Everything { get; } = new(JobOwner.DefaultCaller, IsOperator: true);

    /// <summary>Whether <paramref name="id"/> (a job, batch or chain id) is visible to this caller. Reads nothing.</summary>
    public bool CanSee(string id) => IsOperator || JobOwner.Owns(Caller, id);

    /// <summary>
    /// The instance-id prefix a list of <paramref name="owner"/>'s jobs (null: every job this caller sees) is confined to;
    /// null when it is not confined (an operator listing every caller). Ask <see cref="SeesOwner"/> first.
    /// </summary>
    public string? ListPrefix(string? owner) =>
        owner is not null ? JobOwner.PrefixOf(owner) : IsOperator ? null : JobOwner.PrefixOf(Caller);

    /// <summary>Whether jobs of <paramref name="owner"/> can be visible to this caller at all.</summary>
    public bool SeesOwner(string owner) => IsOperator || string.Equals(owner, Caller, StringComparison.OrdinalIgnoreCase);
}
