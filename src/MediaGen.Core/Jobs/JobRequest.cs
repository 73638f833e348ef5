namespace MediaGen.Core.Jobs;

/// <summary>
/// One generation request, the same JSON for HTTP, queue messages and job-spec blobs:
/// <c>{"kind","provider","params":{…},"output":{…},"idempotencyKey","callbackUrl","deadline"}</c>.
/// </summary>
/// <param name="Kind">What to generate.</param>
/// <param name="Provider">Who generates it: <c>cosmic</c>, <c>pixazo</c> or <c>comet</c>.</param>
/// <param name="Params">The provider's own fields, named exactly as the provider documents them.</param>
/// <param name="Output">Where the media goes.</param>
/// <param name="IdempotencyKey">Same key, same job: a repeated request never starts a second generation.</param>
/// <param name="CallbackUrl">Receives a signed POST when the job ends.</param>
/// <param name="Deadline">The job fails with a timeout error if not finished by then.</param>
/// <param name="Fallbacks">Providers tried in order when the ones before failed proving nothing was bought.</param>
public sealed record JobRequest(
    JobKind Kind,
    ProviderName Provider,
    JsonElement Params,
    JobOutput? Output = null,
    string? IdempotencyKey = null,
    string? CallbackUrl = null,
    DateTimeOffset? Deadline = null,
    IReadOnlyList<JobFallback>? Fallbacks = null)
{
    /// <summary>Most fallbacks a job may list.</summary>
    public const int MaxFallbacks = 3;

    /// <summary>
    /// The providers to try, in order: this request without its fallbacks, then one request per fallback (its params, or
    /// for an image job without params the primary's mapped by <see cref="FailoverMapping"/>).
    /// </summary>
    public IReadOnlyList<JobRequest> Candidates() =>
    [
        this with { Fallbacks = null },
        .. (Fallbacks ?? []).Select(f => this with
        {
            Provider = f.Provider,
            Params = f.Params ?? FailoverMapping.MapImage(this, f.Provider),
            Fallbacks = null,
        }),
    ];
}
