namespace MediaGen.Core.Jobs;

/// <summary>The outcome of binding a job's <c>params</c>: the provider's typed request, or every problem found.</summary>
/// <param name="Request">The typed, validated request (e.g. <c>CosmicImageRequest</c>); null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem, fields prefixed with <c>params.</c>.</param>
public sealed record JobParamsBinding(object? Request, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>Whether the parameters bound and passed the provider's validator.</summary>
    public bool IsValid => Errors.Count == 0 && Request is not null;
}
