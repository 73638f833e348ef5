namespace MediaGen.Core.Providers.Cosmic;

/// <summary>
/// What every Cosmic kind shares: synchronous calls through <see cref="CosmicClient"/>, costs in Cosmic tokens (the
/// reported usage, else the documented price), and chat messages as a param type.
/// </summary>
/// <typeparam name="TRequest">The kind's request.</typeparam>
public abstract class CosmicKind<TRequest> : ProviderKind<TRequest>
    where TRequest : class
{
    /// <summary>Cosmic's <paramref name="kind"/>, a synchronous call; video kinds are expensive (<paramref name="retryClass"/>).</summary>
    protected CosmicKind(JobKind kind, IRequestValidator<TRequest> validator, RetryClass retryClass = RetryClass.AnyRetryableFailure)
        : base(ProviderName.Cosmic, kind, GenerationFlow.Synchronous, retryClass, validator)
    {
    }

    /// <inheritdoc />
    public override string? DescribeParamType(Type type) =>
        type == typeof(IReadOnlyList<CosmicMessage>) ? "an array of {\"role\", \"content\"} objects" : null;

    /// <summary>Media: the total of the reported usage (billed as output tokens), else the documented fixed cost.</summary>
    protected override JobCost Actual(JobCost estimate, TRequest request, JobUsage? usage, int items, CostOptions? options)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (ReportedTokens(usage) is { } tokens)
        {
            return estimate with { Actual = tokens, Source = JobCosts.FromUsage };
        }

        return estimate.Estimate is null ? estimate : estimate with { Actual = estimate.Estimate, Source = JobCosts.FromPriceTable };
    }

    /// <inheritdoc />
    protected sealed override Task<Generation> GenerateAsync(TRequest request, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GenerateAsync(context.Client<CosmicClient>(), request, context);
    }

    /// <summary>Calls Cosmic.</summary>
    protected abstract Task<Generation> GenerateAsync(CosmicClient cosmic, TRequest request, GenerationContext context);

    /// <summary>Input plus output tokens of a usage report, or null when it reports neither.</summary>
    protected static long? ReportedTokens(JobUsage? usage) =>
        usage is { InputTokens: var input, OutputTokens: var output } && (input is not null || output is not null) ? (input ?? 0) + (output ?? 0) : null;

    /// <summary>A media item Cosmic stored in its library, to copy.</summary>
    protected static Generation FromMedia(GenerationContext context, CosmicMedia media, CosmicUsage? usage, string? revisedPrompt, string model)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(media);
        return new Generation(
            [new GeneratedMedia(context.FirstItemIndex, media.Url, media.Type, media.Id, revisedPrompt, model)],
            [],
            Usage: Usage(usage),
            ProviderId: media.Id);
    }

    /// <summary>Cosmic's usage report as a job's.</summary>
    protected static JobUsage? Usage(CosmicUsage? usage) => usage is null ? null : new JobUsage(usage.InputTokens, usage.OutputTokens);
}
